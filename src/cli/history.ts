// `model-approval history`: who approved which model, on what evidence, and what went live. From the
// App's ledger API, or without an App from GitHub's attestations API (the Action's signed decisions).
import { DECISION_PREDICATE_TYPE, readDecisionStatement } from "../core/ledger/attestation.js";
import type { LedgerRecord } from "../core/ledger/chain.js";
import type { LedgerEntry } from "../core/ledger/entry.js";
import { renderHistory } from "../core/ledger/render.js";
import { appGet, appUrl, tokenFrom } from "./app-client.js";
import { CliError, UsageError, type CliIo } from "./io.js";
import { checkFormat, parseCommandOptions, reportFailure } from "./options.js";

export const HISTORY_USAGE = `Usage: model-approval history [options]

Lists the ledger's records, newest first: each change of a decision (who approved which model, on
what evidence) and each answer to a deploy job.

Options:
  --app URL              the App (or MODEL_APPROVAL_APP_URL); the token in GITHUB_TOKEN or GH_TOKEN
                         shows the repositories it can read
  --repo OWNER/NAME      one repository
  --model NAME           one model, by the name its config gives it
  --digest sha256:HEX    one model, by its digest or one of its files' sha256
  --environment NAME     the deploy answers for one environment
  --limit N              at most N records (default 100, at most 1000)
  --format text|json     (default text)

Without --app (and MODEL_APPROVAL_APP_URL) the records are the Action's decisions signed into
GitHub's attestations (docs/attestation.md): --repo and --digest (a model file's sha256) are then
needed, GITHUB_API_URL names the API (default https://api.github.com), and signatures are not
checked here: gh attestation verify checks them.
Exit status: 0 listed (even none), 2 usage, input or connection error.
`;

const OPTIONS = {
  app: { type: "string" },
  repo: { type: "string" },
  model: { type: "string" },
  digest: { type: "string" },
  environment: { type: "string" },
  limit: { type: "string" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseCommandOptions<typeof OPTIONS>>;

const DIGEST = /^(?:sha256:)?([0-9a-f]{64})$/i;

async function fromApp(
  values: Values,
  io: CliIo,
  given: string,
): Promise<{ records: { entry: LedgerEntry; sequence?: number }[] }> {
  const app = appUrl(given);
  const token = tokenFrom(io.env ?? {});
  if (!token)
    throw new UsageError("set GITHUB_TOKEN (or GH_TOKEN) to a GitHub token: the App shows what it can read");
  const body = (await appGet(
    app,
    "api/history",
    {
      repo: values.repo,
      model: values.model,
      digest: values.digest,
      environment: values.environment,
      limit: values.limit,
    },
    token,
  )) as { records?: LedgerRecord[] };
  if (!Array.isArray(body.records))
    throw new CliError("the App's answer holds no records: is --app the App's address?");
  return { records: body.records };
}

async function fromAttestations(values: Values, io: CliIo) {
  const env = io.env ?? {};
  if (!values.repo || !values.digest)
    throw new UsageError(
      "without --app, name --repo OWNER/NAME and --digest sha256:HEX (a model file's sha256)",
    );
  if (!/^[\w.-]+\/[\w.-]+$/.test(values.repo))
    throw new UsageError(`--repo: '${values.repo}' is not owner/name`);
  const hex = DIGEST.exec(values.digest)?.[1];
  if (!hex) throw new UsageError(`--digest: '${values.digest}' is not sha256:<64 hex digits>`);
  // Loaded only here: the HTTP client is most of the CLI's size, and no other command uses it.
  const [{ createActionOctokit }, { attestedStatements }] = await Promise.all([
    import("../github/octokit.js"),
    import("../github/rest/attestations.js"),
  ]);
  const octokit = createActionOctokit(tokenFrom(env) ?? "", {
    baseUrl: env.GITHUB_API_URL?.trim() || "https://api.github.com",
  });
  const digest = `sha256:${hex.toLowerCase()}`;
  const listed = await attestedStatements(octokit, values.repo, digest, DECISION_PREDICATE_TYPE);
  const records: { entry: LedgerEntry }[] = [];
  const unreadable = [...listed.unreadable];
  for (const statement of listed.statements) {
    const read = readDecisionStatement(statement);
    if (!read.ok) unreadable.push(`a statement: ${read.why}`);
    // What GitHub filed under this repository and digest must also say so itself.
    else if (read.predicate.repository.toLowerCase() !== values.repo.toLowerCase())
      unreadable.push(`a statement about another repository (${read.predicate.repository})`);
    else if (!read.subjects.includes(digest))
      unreadable.push(`a statement whose subjects do not include ${digest}`);
    else {
      const { format: _format, ...entry } = read.predicate;
      records.push({ entry });
    }
  }
  const filtered = records
    .filter(
      (r) => !values.model || r.entry.candidate.model?.name?.toLowerCase() === values.model.toLowerCase(),
    )
    .filter(
      (r) =>
        !values.environment || r.entry.deploy?.environment.toLowerCase() === values.environment.toLowerCase(),
    )
    .sort((a, b) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : 0));
  return { records: filtered, unreadable, more: listed.more };
}

export async function runHistory(args: string[], io: CliIo): Promise<number> {
  let values: Values;
  try {
    values = parseCommandOptions(args, OPTIONS);
    if (values.help) {
      io.stdout.write(HISTORY_USAGE);
      return 0;
    }
    const format = checkFormat(values.format);
    const given = values.app ?? io.env?.MODEL_APPROVAL_APP_URL?.trim();
    if (given) {
      const { records } = await fromApp(values, io, given);
      io.stdout.write(
        format === "json"
          ? JSON.stringify({ source: "app", records }, null, 2) + "\n"
          : renderHistory(records),
      );
      return 0;
    }
    const { records, unreadable, more } = await fromAttestations(values, io);
    if (format === "json")
      io.stdout.write(
        JSON.stringify(
          { source: "attestations", signaturesChecked: false, records, unreadable, more },
          null,
          2,
        ) + "\n",
      );
    else {
      io.stdout.write(renderHistory(records));
      io.stderr.write(
        "model-approval history: read from GitHub's attestations; their signatures are not checked here: run gh attestation verify on the model's file\n",
      );
      for (const problem of unreadable) io.stderr.write(`model-approval history: skipped ${problem}\n`);
      if (more)
        io.stderr.write("model-approval history: GitHub holds more attestations than the first 100 shown\n");
    }
    return 0;
  } catch (error) {
    return reportFailure(io, "history", error);
  }
}
