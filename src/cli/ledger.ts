// `model-approval ledger verify`: recomputes every record's hash from the App's ledger as the API
// gives it, so a record edited, inserted, reordered or deleted in the database is found here, on
// the auditor's machine, without trusting the App's own word for it. The newest records can only
// be missed against heads kept from an earlier verify (--expect) or named by the App's check runs:
// a chain cut short at its end still verifies on its own.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { verifyChain, type ChainProblem, type LedgerRecord } from "../core/ledger/chain.js";
import { renderVerification } from "../core/ledger/render.js";
import { appGet, appUrl, tokenFrom } from "./app-client.js";
import { CliError, EXIT_USAGE, UsageError, type CliIo } from "./io.js";
import { checkFormat, parseCommandOptions, reportFailure } from "./options.js";

export const LEDGER_USAGE = `Usage: model-approval ledger verify [options]

Checks the hash chain of the App's ledger: each record's hash against its content and the record
before it, from the first record on. A repository's chain is broken if any record was edited,
inserted, reordered or deleted.

Options:
  --app URL            the App (or MODEL_APPROVAL_APP_URL); the token in GITHUB_TOKEN or GH_TOKEN
  --repo OWNER/NAME    one repository (default: every repository the token can read)
  --expect FILE        the JSON a previous 'ledger verify --format json' printed: each repository
                       it lists must still be there, with at least as many records, and the same
                       hash at its head then (a deleted newest record or repository is found)
  --format text|json   (default text)

Exit status: 0 every chain is whole, 1 a chain is broken, missing or shorter than expected,
2 usage, input or connection error.
`;

const OPTIONS = {
  app: { type: "string" },
  repo: { type: "string" },
  expect: { type: "string" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h" },
} as const;

interface KeptHead {
  repository: string;
  repositoryId?: number;
  records: number;
  head: string | null;
}

async function keptHeads(file: string, cwd: string): Promise<KeptHead[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(resolve(cwd, file), "utf8"));
  } catch (error) {
    throw new UsageError(`--expect ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const listed = (parsed as { repositories?: unknown } | null)?.repositories;
  if (!Array.isArray(listed))
    throw new UsageError(
      `--expect ${file}: not the JSON of 'ledger verify --format json' (no "repositories" list)`,
    );
  return listed.map((r: Partial<KeptHead>, i) => {
    if (typeof r.repository !== "string" || typeof r.records !== "number")
      throw new UsageError(`--expect ${file}: repositories[${i}] has no repository name and record count`);
    return {
      repository: r.repository,
      records: r.records,
      head: typeof r.head === "string" ? r.head : null,
      ...(typeof r.repositoryId === "number" ? { repositoryId: r.repositoryId } : {}),
    };
  });
}

/** Every record of a repository, page by page as the API gives them. */
async function wholeChain(
  app: URL,
  token: string,
  repository: string,
): Promise<{ records: LedgerRecord[]; repositoryId?: number }> {
  const records: LedgerRecord[] = [];
  let repositoryId: number | undefined;
  for (let after = 0; ;) {
    const page = (await appGet(app, "api/ledger", { repo: repository, after: String(after) }, token)) as {
      records?: LedgerRecord[];
      repositoryId?: number;
      next?: number;
    };
    if (!Array.isArray(page.records))
      throw new CliError(`the App's answer for ${repository} holds no records`);
    records.push(...page.records);
    repositoryId ??= page.repositoryId;
    if (page.next === undefined || page.next <= after) break;
    after = page.next;
  }
  return { records, ...(repositoryId === undefined ? {} : { repositoryId }) };
}

/** What the kept heads say is missing now. */
function againstKept(kept: KeptHead, records: readonly LedgerRecord[]): ChainProblem[] {
  const at = (problem: string): ChainProblem => ({
    repository: kept.repository,
    sequence: kept.records,
    problem,
  });
  if (records.length < kept.records)
    return [
      at(
        `the chain has ${records.length} record(s), fewer than the ${kept.records} kept: records were deleted from its end`,
      ),
    ];
  const then = records[kept.records - 1];
  if (kept.head && then && then.hash !== kept.head)
    return [
      at(`record ${kept.records}'s hash is ${then.hash}, not the ${kept.head} kept: the chain was rewritten`),
    ];
  return [];
}

export async function runLedger(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === "--help" || action === "-h" || action === undefined) {
    (action === undefined ? io.stderr : io.stdout).write(LEDGER_USAGE);
    return action === undefined ? EXIT_USAGE : 0;
  }
  try {
    if (action !== "verify")
      throw new UsageError(`unknown action '${action}': the ledger command has verify`);
    const values = parseCommandOptions(rest, OPTIONS);
    if (values.help) {
      io.stdout.write(LEDGER_USAGE);
      return 0;
    }
    const format = checkFormat(values.format);
    const app = appUrl(values.app ?? io.env?.MODEL_APPROVAL_APP_URL?.trim());
    const token = tokenFrom(io.env ?? {});
    if (!token)
      throw new UsageError(
        "set GITHUB_TOKEN (or GH_TOKEN) to a GitHub token: the App shows what it can read",
      );
    const kept = values.expect ? await keptHeads(values.expect, io.cwd) : [];
    const listed = values.repo
      ? [values.repo]
      : (
          ((await appGet(app, "api/repositories", {}, token)) as { repositories?: { repository: string }[] })
            .repositories ?? []
        ).map((r) => r.repository);
    // Kept repositories are checked even when the App no longer lists them: a vanished chain is a finding.
    const names = [
      ...new Set(
        [
          ...listed,
          ...kept
            .filter((k) => !values.repo || k.repository === values.repo.toLowerCase())
            .map((k) => k.repository),
        ].map((n) => n.toLowerCase()),
      ),
    ];
    const checked = [];
    for (const repository of names) {
      const { records, repositoryId } = await wholeChain(app, token, repository);
      const problems = verifyChain(repository, records, repositoryId);
      const expected = kept.find((k) => k.repository.toLowerCase() === repository);
      if (expected) problems.push(...againstKept(expected, records));
      // Asking for a repository and getting nothing is not a whole chain: deleted, or not readable.
      else if (records.length === 0)
        problems.push({
          repository,
          sequence: 0,
          problem:
            "no records: none were written, they were deleted, or this token cannot read the repository",
        });
      checked.push({
        repository,
        ...(repositoryId === undefined ? {} : { repositoryId }),
        records,
        problems,
      });
    }
    const broken = checked.some((c) => c.problems.length > 0);
    io.stdout.write(
      format === "json"
        ? JSON.stringify(
            {
              whole: !broken,
              repositories: checked.map((c) => ({
                repository: c.repository,
                ...(c.repositoryId === undefined ? {} : { repositoryId: c.repositoryId }),
                records: c.records.length,
                head: c.records.at(-1)?.hash ?? null,
                problems: c.problems,
              })),
            },
            null,
            2,
          ) + "\n"
        : renderVerification(checked),
    );
    return broken ? 1 : 0;
  } catch (error) {
    return reportFailure(io, "ledger", error);
  }
}
