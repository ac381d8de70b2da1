/**
 * Freezes plain data (objects and arrays of strings, numbers and more of the same) all the way
 * down, for a value kept and handed to many callers: none of them can change what the next gets.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
