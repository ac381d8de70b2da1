// An answer's headers, read as fetch's Headers reads them. Node's own Headers class is undici's,
// which Node compiles on its first use: about 15 ms of a process that makes a few requests, as
// the Action's run does (bench/action.mjs, profiled), for a map of a few strings. What it keeps of
// Headers: names are case-insensitive and listed lower-cased in order of name, a repeated header
// reads as its values joined by ", ", and each Set-Cookie stays apart (getSetCookie).

const SET_COOKIE = "set-cookie";

export class AnswerHeaders implements Headers {
  private readonly joined = new Map<string, string>();
  private readonly cookies: string[] = [];

  /** From Node's `rawHeaders`: name, value, name, value… */
  constructor(raw: readonly string[] = []) {
    for (let i = 0; i + 1 < raw.length; i += 2) this.append(raw[i]!, raw[i + 1]!);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    // As Headers: a value loses its leading and trailing whitespace.
    const text = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
    if (key === SET_COOKIE) this.cookies.push(text);
    const before = this.joined.get(key);
    this.joined.set(key, before === undefined ? text : `${before}, ${text}`);
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    this.joined.delete(key);
    if (key === SET_COOKIE) this.cookies.length = 0;
  }

  get(name: string): string | null {
    return this.joined.get(name.toLowerCase()) ?? null;
  }

  getSetCookie(): string[] {
    return [...this.cookies];
  }

  has(name: string): boolean {
    return this.joined.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.delete(name);
    this.append(name, value);
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const key of [...this.joined.keys()].sort()) {
      if (key === SET_COOKIE) for (const cookie of this.cookies) yield [key, cookie];
      else yield [key, this.joined.get(key)!];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
