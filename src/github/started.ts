// A read or a measurement started before it is known to be needed, so that it overlaps other work.

/** Returns `work` itself; a failure matters only to whoever awaits it, never to the process. */
export function started<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
