import { describe, expect, it } from "@jest/globals";
import { inTurns } from "../../src/github/in-turns.js";

describe("inTurns", () => {
  it("keeps the items' order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const results = await inTurns([5, 1, 4, 2, 3, 0, 6], 3, async (ms) => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, ms));
      running--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it("fails as the work fails", async () => {
    await expect(
      inTurns([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("two");
        return n;
      }),
    ).rejects.toThrow("two");
  });

  it("does nothing for no items", async () => {
    expect(await inTurns([], 4, async () => 1)).toEqual([]);
  });
});
