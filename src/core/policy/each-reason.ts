// Every node of a reasons tree, depth first: for readers of a decision that look for one kind of
// node wherever the policy put it (the ledger's approvers, what would change the outcome).
import type { Reason } from "./types.js";

export function* eachReason(reasons: readonly Reason[]): Generator<Reason> {
  for (const reason of reasons) {
    yield reason;
    if (reason.children) yield* eachReason(reason.children);
  }
}
