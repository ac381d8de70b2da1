// Whether the local GitHub's validators are kept precompiled yet (precompiled-validators.ts): the
// first process to start it compiles them, which takes a few seconds worth telling a user about.
import { existsSync, readFileSync } from "node:fs";
import { contractValidatorsPath, webhookValidatorsPath } from "./precompiled-validators.js";
import { subsetPath } from "./contract.js";

export function validatorsPrecompiled(): boolean {
  return (
    existsSync(webhookValidatorsPath()) &&
    existsSync(contractValidatorsPath(readFileSync(subsetPath(), "utf8")))
  );
}
