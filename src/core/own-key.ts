// A key read from input data, written into a plain object. Assignment would let a "__proto__" key
// replace the object's prototype; defining the property keeps it a key like any other.
export function setOwnKey<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
