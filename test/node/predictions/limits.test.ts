// The reader's limits: a column with too many values to slice by is refused at the row where it
// shows, before the rest of the file is read.
import { describe, expect, it } from "@jest/globals";
import { MAX_SLICE_VALUES } from "../../../src/core/predictions/evaluate.js";
import { BINARY, error } from "./support/read.js";

describe("slice columns", () => {
  it.each(["csv", "jsonl"] as const)(
    "refuse a column with too many values, at its line (%s)",
    async (format) => {
      const rows = Array.from({ length: MAX_SLICE_VALUES + 5 }, (_, i) => ({
        label: i % 2,
        score: 0.5,
        user: `u${i}`,
      }));
      const text =
        format === "csv"
          ? ["label,score,user", ...rows.map((r) => `${r.label},${r.score},${r.user}`)].join("\n")
          : rows.map((r) => JSON.stringify(r)).join("\n");
      expect(await error(`many.${format}`, text, { ...BINARY, slices: ["user"] })).toBe(
        `many.${format}:${MAX_SLICE_VALUES + (format === "csv" ? 2 : 1)}: column 'user' has more than ${MAX_SLICE_VALUES} distinct values, too many to slice by (it identifies examples rather than grouping them)`,
      );
    },
  );
});
