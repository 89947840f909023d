// Child processes for the dev stack and the test runner. Each runs in its own process group
// so it can be stopped as a whole (never by name), and its output is prefixed with a label.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createInterface } from "node:readline";

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Signals the leader (default) or the whole group, then kills the group after `graceMs`. */
  stop(options?: {
    signal?: NodeJS.Signals;
    graceMs?: number;
    leaderOnly?: boolean;
  }): Promise<void>;
}

/** SIGKILLs a process's group and every descendant (some start groups of their own). */
export function killTree(pid: number, tree: number[] = descendants(pid)): void {
  killGroup(pid, "SIGKILL");
  for (const stray of tree) killPid(stray, "SIGKILL");
}

export interface StartOptions extends Pick<SpawnOptions, "cwd" | "env"> {
  /** Print the child's output with a `[name]` prefix (default true). */
  echo?: boolean;
  onLine?: (line: string) => void;
}

/**
 * Every process descended from `pid`. Some children start their own process group (the
 * firebase CLI runs the Firestore emulator's JVM that way), so a group kill alone misses them.
 */
export function descendants(pid: number): number[] {
  const ps = spawnSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of ps.stdout.split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!child || parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

const live = new Set<ManagedProcess>();

/** Stops every process started here that is still running (used on Ctrl-C). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...live].map((managed) => managed.stop({ graceMs: 3_000 })));
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: StartOptions = {},
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const label = `[${name}]`;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => {
      options.onLine?.(line);
      if (options.echo !== false) console.log(`${label} ${line}`);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });

  const stop: ManagedProcess["stop"] = async ({
    signal = "SIGTERM",
    graceMs = 10_000,
    leaderOnly = false,
  } = {}) => {
    const pid = child.pid;
    if (pid === undefined) return;
    const tree = descendants(pid);
    if (child.exitCode === null && child.signalCode === null) {
      if (leaderOnly) {
        try {
          process.kill(pid, signal);
        } catch {
          // Already exited.
        }
      } else {
        killGroup(pid, signal);
      }
      const timer = new Promise<"timeout">((resolve) =>
        setTimeout(() => resolve("timeout"), graceMs).unref(),
      );
      await Promise.race([exited, timer]);
    }
    // Anything the leader left behind, in its group or in groups of its own, goes too.
    killTree(pid, tree);
  };

  const managed = { name, child, exited, stop };
  live.add(managed);
  void exited.then(() => live.delete(managed));
  return managed;
}

/** Runs a command to completion in its own group; resolves with its exit code. */
export async function runProcess(
  name: string,
  command: string,
  args: string[],
  options: StartOptions = {},
): Promise<number> {
  const managed = startProcess(name, command, args, options);
  const code = await managed.exited;
  await managed.stop({ graceMs: 0 });
  return code ?? 1;
}

/** Polls `probe` until it resolves true or `timeoutMs` passes. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
}

export async function httpOk(url: string, init?: RequestInit): Promise<boolean> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
  return response.ok;
}
