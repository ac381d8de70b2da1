// Deliveries for the same PR that arrive together (two reviews at once) run one after the other
// in this process, so two reconciles never both create the comment or the check run. The map
// only holds work in flight — it is not a cache: state is always re-read from GitHub, and across
// instances the level-triggered reconcile still converges.
const inFlight = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = inFlight.get(key) ?? Promise.resolve();
  const mine = before.then(work, work);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  inFlight.set(key, settled);
  try {
    return await mine;
  } finally {
    if (inFlight.get(key) === settled) inFlight.delete(key);
  }
}
