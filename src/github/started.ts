// A read or a measurement started before it is known to be needed, so that it overlaps other work.

/** Returns `work` itself; a failure matters only to whoever awaits it, never to the process. */
export function started<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Promise.all that, when one piece fails, still waits for the others before throwing the first
 * failure (in the order given): nothing started (a measurement, a read) outlives the caller.
 */
export async function allFinished<T extends readonly unknown[]>(
  work: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
