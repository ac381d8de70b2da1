// `model-approval ledger verify`: recomputes every record's hash from the App's ledger as the API
// gives it, so a record edited, inserted, reordered or deleted in the database is found here, on
// the auditor's machine, without trusting the App's own word for it.
import { verifyChain, type LedgerRecord } from "../core/ledger/chain.js";
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
  --format text|json   (default text)

Exit status: 0 every chain is whole, 1 a chain is broken, 2 usage, input or connection error.
`;

const OPTIONS = {
  app: { type: "string" },
  repo: { type: "string" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h" },
} as const;

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
    const repositories = values.repo
      ? [values.repo]
      : (((await appGet(app, "api/repositories", {}, token)) as { repositories?: string[] }).repositories ??
        []);
    const checked = [];
    for (const repository of repositories) {
      const body = (await appGet(app, "api/ledger", { repo: repository }, token)) as {
        records?: LedgerRecord[];
      };
      if (!Array.isArray(body.records))
        throw new CliError(`the App's answer for ${repository} holds no records`);
      checked.push({ repository, records: body.records, problems: verifyChain(repository, body.records) });
    }
    const broken = checked.some((c) => c.problems.length > 0);
    io.stdout.write(
      format === "json"
        ? JSON.stringify(
            {
              whole: !broken,
              repositories: checked.map((c) => ({
                repository: c.repository,
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
