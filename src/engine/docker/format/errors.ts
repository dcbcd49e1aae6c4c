/**
 * The one error class the formatting room throws for template problems. `message` is exactly the
 * text Go's text/template produces (e.g. `template: :1: unexpected "}" in operand`); callers add
 * docker's prefix (`template parsing error: `, `failed to execute template: `, …).
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    /** 'parse' for errors from Parse, 'exec' for errors from Execute. */
    readonly phase: 'parse' | 'exec',
    /** What Execute had written before it failed (Go writes output as it goes). */
    readonly partialOutput = '',
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}
