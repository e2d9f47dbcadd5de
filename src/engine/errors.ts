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

/** A short reason for a failed file operation, for messages. */
export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'a folder on the path is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return err.message ?? String(e);
  }
}
