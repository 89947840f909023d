// The stack's fixed loopback ports, read from firebase.json (the single source of truth) plus
// the dev servers, and a check that each is free before anything starts.
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ToolchainError } from "./toolchainError.js";

export interface PortSpec {
  name: string;
  host: string;
  port: number;
}

export const WEB_DEV_PORT = 5173;
export const OPENAI_SERVER_PORT = 8787;

interface EmulatorEntry {
  host?: string;
  port?: number;
  websocketPort?: number;
  enabled?: boolean;
}

const LABELS: Record<string, string> = {
  hub: "Emulator hub",
  logging: "Emulator logging",
  ui: "Emulator UI",
  auth: "Auth emulator",
  firestore: "Firestore emulator",
  functions: "Functions emulator",
  hosting: "Hosting emulator",
};

/** Emulator ports from firebase.json; `withUi` adds the UI's port. */
export function emulatorPorts(repoRoot: string, withUi = false): PortSpec[] {
  const config = JSON.parse(readFileSync(path.join(repoRoot, "firebase.json"), "utf8")) as {
    emulators: Record<string, EmulatorEntry | boolean>;
  };
  const specs: PortSpec[] = [];
  for (const [key, entry] of Object.entries(config.emulators)) {
    if (typeof entry !== "object" || entry.port === undefined) continue;
    if (key === "ui" && !withUi) continue;
    const host = entry.host ?? "127.0.0.1";
    specs.push({ name: LABELS[key] ?? key, host, port: entry.port });
    if (entry.websocketPort !== undefined) {
      specs.push({ name: `${LABELS[key] ?? key} (websocket)`, host, port: entry.websocketPort });
    }
  }
  return specs;
}

export function emulatorPort(repoRoot: string, key: string): number {
  const config = JSON.parse(readFileSync(path.join(repoRoot, "firebase.json"), "utf8")) as {
    emulators: Record<string, EmulatorEntry>;
  };
  const port = config.emulators[key]?.port;
  if (port === undefined) throw new Error(`firebase.json has no port for the ${key} emulator`);
  return port;
}

function isFree({ host, port }: PortSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws a ToolchainError naming every busy port and what needs it. */
export async function assertPortsFree(specs: PortSpec[]): Promise<void> {
  const busy: PortSpec[] = [];
  for (const spec of specs) if (!(await isFree(spec))) busy.push(spec);
  if (busy.length === 0) return;
  const lines = busy.map((s) => `  - ${s.host}:${s.port} (${s.name})`);
  throw new ToolchainError(
    [
      `${busy.length === 1 ? "A port IdeaSpark needs is" : "Ports IdeaSpark needs are"} already in use:`,
      ...lines,
      `Another IdeaSpark stack (npm start / npm test) or another program is holding ${busy.length === 1 ? "it" : "them"}.`,
      `Find it with: lsof -nP -iTCP:${busy[0]?.port} -sTCP:LISTEN   then stop it and try again.`,
    ].join("\n"),
  );
}
