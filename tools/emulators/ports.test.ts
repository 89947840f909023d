import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortsFree, emulatorPorts } from "./ports.js";
import { REPO_ROOT } from "./prepare.js";

const servers: net.Server[] = [];

async function occupy(): Promise<number> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("ports", () => {
  it("reads every emulator port from firebase.json, the UI only when asked", () => {
    const names = emulatorPorts(REPO_ROOT).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Auth emulator",
        "Firestore emulator",
        "Functions emulator",
        "Hosting emulator",
      ]),
    );
    expect(names).not.toContain("Emulator UI");
    expect(emulatorPorts(REPO_ROOT, true).map((p) => p.name)).toContain("Emulator UI");
  });

  it("passes when the ports are free", async () => {
    const port = await occupy();
    await new Promise((resolve) => servers.pop()?.close(resolve));
    await expect(
      assertPortsFree([{ name: "Firestore emulator", host: "127.0.0.1", port }]),
    ).resolves.toBeUndefined();
  });

  it("names the busy port, what needs it, and how to find the holder", async () => {
    const port = await occupy();
    const attempt = assertPortsFree([{ name: "Firestore emulator", host: "127.0.0.1", port }]);
    await expect(attempt).rejects.toThrow(`127.0.0.1:${port} (Firestore emulator)`);
    await expect(attempt).rejects.toThrow(`lsof -nP -iTCP:${port}`);
  });
});
