/** An error answer with GitHub's body: {message, documentation_url, errors?}. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}
