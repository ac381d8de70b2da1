import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/own-key.ts
function setOwnKey(target, key, value) {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export {
  setOwnKey
};
