// scikit-learn's answers on the binary data sets (scripts/golden/sklearn-binary.py), as committed.
import { readFileSync } from "node:fs";

export interface BinaryGoldenCase {
  name: string;
  threshold: number;
  labels: number[];
  scores: number[];
  weights?: number[];
  expected: Record<string, number | null> & { confusion: Record<string, number> };
}

export function binaryGolden(): { sklearn: string; cases: BinaryGoldenCase[] } {
  return JSON.parse(
    readFileSync(new URL("../../../fixtures/predictions/sklearn-binary.json", import.meta.url), "utf8"),
  ) as { sklearn: string; cases: BinaryGoldenCase[] };
}
