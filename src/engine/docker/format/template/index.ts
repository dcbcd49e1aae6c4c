/**
 * Go text/template for docker's --format: parse once, execute per row.
 *
 *   const t = Template.parse('{{.Name}}\t{{.Driver}}', { funcs });
 *   t.execute(value)            // text, or throws TemplateError('exec') with the partial output
 *   t.withFuncs(other)          // same template, some functions replaced (docker's header trick)
 *   t.option('error')           // missingkey=error
 *
 * Parse errors throw TemplateError('parse') with Go's message (`template: :1: unexpected EOF`).
 */
import { TemplateError } from '../errors';
import { type Val, Value, infer, unbox } from '../go/types';
import type { Statement } from './ast';
import { type MissingKey, type Program, execute } from './evaluator';
import { BUILTINS, type FuncMap } from './functions';
import { ParseFailure, parseTemplates } from './parser';

export type { FuncMap, GoFunc } from './functions';
export { goFunc } from './functions';
export type { MissingKey } from './evaluator';

/** Data given to Execute: a Value as it is (its dynamic value if an interface), anything else inferred. */
function dataValue(data: unknown): Val {
  return data instanceof Value ? unbox(data) : infer(data);
}

export class Template {
  private constructor(
    readonly name: string,
    private readonly source: string,
    private readonly definitions: ReadonlyMap<string, readonly Statement[]>,
    readonly funcs: FuncMap,
    readonly missingKey: MissingKey,
  ) {}

  /** template.New(name).Funcs(funcs).Parse(text). Throws TemplateError('parse'). */
  static parse(text: string, opts: { name?: string; funcs?: FuncMap } = {}): Template {
    const name = opts.name ?? '';
    const funcs = opts.funcs ?? {};
    const functions = new Set([...Object.keys(BUILTINS), ...Object.keys(funcs)]);
    try {
      const definitions = parseTemplates(text, { name, functions });
      return new Template(name, text, definitions, funcs, 'default');
    } catch (e) {
      if (e instanceof ParseFailure) throw new TemplateError(`template: ${name}:${e.line}: ${e.message}`, 'parse');
      throw e;
    }
  }

  /** Funcs(m): functions of the same names replaced, the parsed text kept. */
  withFuncs(funcs: FuncMap): Template {
    return new Template(this.name, this.source, this.definitions, { ...this.funcs, ...funcs }, this.missingKey);
  }

  /** Option("missingkey=…"): 'default' (or 'invalid'), 'zero' or 'error'. */
  option(missingKey: MissingKey | 'invalid' | `missingkey=${string}`): Template {
    const mode = missingKey.replace(/^missingkey=/, '');
    const m: MissingKey = mode === 'zero' || mode === 'error' ? mode : 'default';
    return new Template(this.name, this.source, this.definitions, this.funcs, m);
  }

  /** Execute with `data`. Throws TemplateError('exec') carrying what was written before the error. */
  execute(data: unknown): string {
    this.program ??= {
      name: this.name,
      source: this.source,
      definitions: this.definitions,
      funcs: this.funcs,
      missingKey: this.missingKey,
    };
    return execute(this.program, dataValue(data));
  }

  private program: Program | undefined;
}
