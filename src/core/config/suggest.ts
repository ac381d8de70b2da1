/** Words people write by habit in place of the config's keys, which edit distance alone would miss. */
const SYNONYMS: Record<string, string> = {
  users: "approvers",
  reviewers: "approvers",
  approver: "approvers",
  owners: "approvers",
  conditions: "checks",
  check: "checks",
  asserts: "checks",
  auto_approve: "auto_approve_if",
  env: "environment",
  file: "path",
  filename: "path",
  input: "inputs",
  params: "inputs",
  with: "inputs",
  kind: "type",
  step: "steps",
  jobs: "steps",
  min_approvers: "min_approvals",
  "=": "==",
  "=>": ">=",
  "=<": "<=",
  "<>": "!=",
  required_approvals: "min_approvals",
};

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The allowed word the user most likely meant, or undefined when nothing is close enough. */
export function didYouMean(word: string, allowed: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym && allowed.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestDistance <= tolerance ? best : undefined;
}
