// Errors that the CLI turns into one line on stderr and exit code 2.

/** A problem in a rule file, located by file and 1-based line. */
export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'RuleError';
  }
}

/** Bad input or usage: a missing file, undecodable bytes, an unknown option value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
