// A request the review server refuses: the HTTP status and one line saying why.

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
