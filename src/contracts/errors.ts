/** A user error: one clear line on stderr, exit code 2, no stack trace unless --debug. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
