// Runs `work` on every item with at most `limit` at once, results in the items' order: reads that
// do not wait on each other go out together, without sending GitHub a hundred at a time (GitHub's
// secondary rate limits count concurrent requests).
export async function inTurns<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
