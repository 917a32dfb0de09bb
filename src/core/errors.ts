/**
 * Typed errors that cross the boundary. One place (here) maps each kind to an HTTP status and a CLI exit code,
 * so the API and the CLI report the same failure the same way.
 */
export type ErrorKind =
  | 'invalid_input' // the user's file, flag or request is wrong: fixable by the user
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'unsupported'
  | 'internal';

export class SegmentaError extends Error {
  readonly kind: ErrorKind;
  /** How to fix it, in one sentence, when we know. */
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, message: string, hint?: string) {
    super(message);
    this.name = 'SegmentaError';
    this.kind = kind;
    this.hint = hint;
  }
}

export const invalidInput = (message: string, hint?: string) =>
  new SegmentaError('invalid_input', message, hint);
export const notFound = (message: string, hint?: string) => new SegmentaError('not_found', message, hint);

const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported: 422,
  internal: 500,
};

const EXIT_CODE: Record<ErrorKind, number> = {
  invalid_input: 2,
  unauthorized: 3,
  forbidden: 3,
  not_found: 4,
  conflict: 5,
  unsupported: 6,
  internal: 1,
};

export const httpStatusOf = (e: unknown): number => (e instanceof SegmentaError ? HTTP_STATUS[e.kind] : 500);
export const exitCodeOf = (e: unknown): number => (e instanceof SegmentaError ? EXIT_CODE[e.kind] : 1);
