export { ReadError, describeError, reading } from "../github/errors.js";

/** An input that cannot be used as given (e.g. a metrics glob that matches nothing). */
export class InputError extends Error {}
