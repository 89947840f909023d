// CLI: `tsx tools/openai-server/main.ts [--port 8787] [--fast | --first-token-ms N --chunk-ms N]
// [--cache-min-tokens N]` starts the local server, prints its base URL, stops on SIGINT/SIGTERM.
import { parseArgs } from "node:util";
import { DEFAULT_PACING, FAST_PACING, type Pacing } from "./pacing.js";
import { startOpenAIServer } from "./server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    host: { type: "string", default: "127.0.0.1" },
    fast: { type: "boolean", default: false },
    "first-token-ms": { type: "string" },
    "chunk-ms": { type: "string" },
    "cache-min-tokens": { type: "string" },
  },
});

function milliseconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) {
    console.error(`--${flag} must be an integer from 0 to 60000 (got "${value}")`);
    process.exit(2);
  }
  return ms;
}

const base = values.fast ? FAST_PACING : DEFAULT_PACING;
const pacing: Pacing = {
  firstTokenMs: milliseconds("first-token-ms", values["first-token-ms"], base.firstTokenMs),
  chunkMs: milliseconds("chunk-ms", values["chunk-ms"], base.chunkMs),
};

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535 (got "${values.port}")`);
  process.exit(2);
}

const cacheFlag = values["cache-min-tokens"];
const cacheMinTokens = cacheFlag === undefined ? undefined : Number(cacheFlag);
if (cacheMinTokens !== undefined && !(Number.isInteger(cacheMinTokens) && cacheMinTokens >= 0)) {
  console.error(`--cache-min-tokens must be a non-negative integer (got "${cacheFlag}")`);
  process.exit(2);
}

const server = await startOpenAIServer({
  port,
  host: values.host,
  pacing,
  cacheMinTokens,
});
console.log(server.url);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.error(`openai-server: ${signal}, shutting down`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
