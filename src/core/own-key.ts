// A key read from input data, written into a plain object as a key like any other. Assigning a
// "__proto__" key would replace the object's prototype, so that one key is defined as a property.
// It is the only accessor a plain object inherits, so every other key is assigned: defining every
// key was a sixth of the time of reading a large trainer_state.json.
export function setOwnKey<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
