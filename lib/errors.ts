/**
 * The one error class. Thrown for programmer errors and for user errors that must
 * stop a command (unreadable database, bad arguments), always with an exact message.
 * Bad mail is never an exception: parsers return warnings and readers return problems.
 */
export class ThreadlightError extends Error {
  constructor(
    message: string,
    readonly code: string = 'THREADLIGHT',
  ) {
    super(message);
    this.name = 'ThreadlightError';
  }
}
