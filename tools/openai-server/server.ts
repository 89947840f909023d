// The local OpenAI-compatible server: routes /v1 (responses, moderations, models) and
// /__control, tracks in-flight requests so client disconnects and close() stop work at once.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Billing } from "./billing.js";
import { handleControl } from "./controlRoute.js";
import { FaultQueues } from "./faults.js";
import { hasBearerToken, readJsonBody, sendError } from "./http.js";
import { sendModel, sendModelList } from "./models.js";
import { handleModerations } from "./moderationsRoute.js";
import { DEFAULT_PACING } from "./pacing.js";
import type { Pacing } from "./pacing.js";
import { DEFAULT_CACHE_MIN_TOKENS, PromptCache } from "./promptCache.js";
import { randomId } from "./random.js";
import { RequestLog } from "./requestLog.js";
import type { RequestLogEntry } from "./requestLog.js";
import { handleResponses } from "./responsesRoute.js";
import type { RouteContext, ServerState } from "./routeContext.js";

export interface OpenAIServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  pacing?: Pacing;
  /** Prompts shorter than this never hit the prompt cache (default 1024, as OpenAI). */
  cacheMinTokens?: number;
}

export interface OpenAIServer {
  /** Base URL ending in /v1, for `new OpenAI({ baseURL })`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startOpenAIServer(opts: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const state: ServerState = {
    faults: new FaultQueues(),
    log: new RequestLog(),
    pacing: opts.pacing ?? DEFAULT_PACING,
    billing: new Billing(),
    promptCache: new PromptCache(opts.cacheMinTokens ?? DEFAULT_CACHE_MIN_TOKENS),
    inFlight: new Set(),
  };
  const server = createServer((req, res) => void handle(req, res, state));
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/v1`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const controller of state.inFlight) controller.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: ServerState) {
  const signal = trackInFlight(res, state);
  res.setHeader("x-request-id", randomId("req"));
  const method = req.method ?? "GET";
  const path = new URL(req.url ?? "/", "http://local").pathname.replace(/\/+$/, "");
  try {
    const body = await readJsonBody(req);
    const value = body.ok ? body.value : undefined;
    const entry = path.startsWith("/v1/") ? logRequest(state, res, method, path, value) : null;
    if (!body.ok) return sendError(res, body.status, body.message);
    const ctx: RouteContext = { req, res, body: value, entry, signal, state };
    if (path.startsWith("/__control/")) return handleControl(ctx, method, path);
    if (!entry) return sendUnknownUrl(ctx, method, path);
    if (!hasBearerToken(req)) return sendError(res, 401, MISSING_KEY, { code: null });
    await routeApi(ctx, method, path);
  } catch (error) {
    if (res.headersSent) res.destroy();
    else sendError(res, 500, `Local OpenAI server error: ${(error as Error).message}`);
  }
}

const MISSING_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization " +
  "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";

/** Returns a signal that aborts when the response closes (client gone or server closing). */
function trackInFlight(res: ServerResponse, state: ServerState): AbortSignal {
  const controller = new AbortController();
  state.inFlight.add(controller);
  res.on("close", () => {
    controller.abort();
    state.inFlight.delete(controller);
  });
  return controller.signal;
}

function logRequest(
  state: ServerState,
  res: ServerResponse,
  method: string,
  path: string,
  body: unknown,
): RequestLogEntry {
  const entry = state.log.record(method, path, body ?? null);
  res.on("close", () => {
    entry.status = res.headersSent ? res.statusCode : null;
    entry.completed = res.writableFinished;
  });
  return entry;
}

function sendUnknownUrl(ctx: RouteContext, method: string, path: string): void {
  sendError(ctx.res, 404, `Unknown request URL: ${method} ${path}.`, { code: "unknown_url" });
}

async function routeApi(ctx: RouteContext, method: string, path: string): Promise<void> {
  const { res } = ctx;
  if (method === "POST" && path === "/v1/responses") return handleResponses(ctx);
  if (method === "POST" && path === "/v1/moderations") return handleModerations(ctx);
  if (method === "GET" && path === "/v1/models") return sendModelList(res);
  const model = /^\/v1\/models\/(.+)$/.exec(path)?.[1];
  if (method === "GET" && model) return sendModel(res, decodeURIComponent(model));
  sendUnknownUrl(ctx, method, path);
}
