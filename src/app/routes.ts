// What the App's HTTP server answers besides webhooks: GET /healthz for load balancers, the
// ledger's API under /api/ (ledger-api.ts) and the details pages (web/pages.ts). Webhooks go to Probot's middleware, which checks their
// signatures; everything else it answers 404.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "./webhook-limits.js";

export interface AppRoutes {
  /** Probot's middleware: webhooks at `webhookPath`. */
  webhooks: (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;
  webhookPath: string;
  /** Answers the request and returns true, or leaves it. */
  api?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** The details pages (web/pages.ts), likewise. */
  pages?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export function appRequestHandler(routes: AppRoutes): RequestHandler {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (path !== routes.webhookPath && (routes.api?.(req, res) || routes.pages?.(req, res))) return;
    void routes.webhooks(req, res, () => {
      res.writeHead(404).end();
    });
  };
}
