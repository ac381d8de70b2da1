// The ledger's API as the App serves it, on loopback, over a fresh embedded ledger, checking
// callers' tokens against a local GitHub: for the API's tests and the CLI's.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ledgerApi } from "../../src/app/ledger-api.js";
import { callerOctokit } from "../../src/app/octokit.js";
import { startFakeGitHub, type FakeGitHub } from "../../src/local-github/index.js";
import type { SqlClient } from "../../src/ledger/sql.js";
import { SqlLedger } from "../../src/ledger/store.js";
import { freshPglite } from "./ledger-databases.js";

export interface LedgerApiWorld {
  gh: FakeGitHub;
  ledger: SqlLedger;
  sql: SqlClient;
  /** The API's base address, e.g. http://127.0.0.1:4567 */
  url: string;
  /** The access answers' clock, in ms; tests move it. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startLedgerApi(): Promise<LedgerApiWorld> {
  const gh = await startFakeGitHub();
  const sql = await freshPglite();
  const ledger = await SqlLedger.open(sql);
  const clock = { now: 0 };
  const api = ledgerApi({ ledger, callerOctokit: callerOctokit(gh.url), now: () => clock.now });
  const server = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    gh,
    ledger,
    sql,
    clock,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await Promise.all([gh.close(), ledger.close()]);
    },
  };
}
