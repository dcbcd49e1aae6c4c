/**
 * Build failures. A BuildError is what buildx prints as `ERROR: …` (with `failed to solve: ` when
 * it came from the solve), optionally with the Dockerfile lines it points at.
 */

export interface SourceRange {
  startLine: number;
  endLine: number;
}

export interface BuildErrorOptions {
  /** Where in the Dockerfile (BuildKit prints the excerpt). */
  ranges?: SourceRange[];
  /** Came from the solve (`failed to solve: `); false for buildx's own checks. */
  solve?: boolean;
}

export class BuildError extends Error {
  readonly ranges: SourceRange[];
  readonly solve: boolean;

  constructor(message: string, range?: SourceRange | BuildErrorOptions) {
    super(message);
    this.name = 'BuildError';
    if (range && 'startLine' in range) {
      this.ranges = [range];
      this.solve = true;
    } else {
      this.ranges = range?.ranges ?? [];
      this.solve = range?.solve ?? true;
    }
  }

  /** The same error, located (keeps an existing location, like BuildKit's WithLocation). */
  at(range: SourceRange): BuildError {
    if (this.ranges.length > 0) return this;
    return new BuildError(this.message, { ranges: [range], solve: this.solve });
  }
}

/** The client-side errors (buildx before the solve): printed as `ERROR: <message>`. */
export function clientError(message: string): BuildError {
  return new BuildError(message, { solve: false });
}
