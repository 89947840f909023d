import { describe, expect, it, vi } from "vitest";
import { requireAdmin } from "./requireAdmin.js";

const roleDocument = (exists: boolean) => vi.fn(async (_uid: string) => exists);

describe("requireAdmin", () => {
  it("lets an admin with the claim and the roles document through and returns their uid", async () => {
    const roleExists = roleDocument(true);
    await expect(requireAdmin({ uid: "root", token: { admin: true } }, roleExists)).resolves.toBe(
      "root",
    );
    expect(roleExists).toHaveBeenCalledWith("root");
  });

  it("refuses a demoted admin whose token still carries the claim", async () => {
    await expect(
      requireAdmin({ uid: "root", token: { admin: true } }, roleDocument(false)),
    ).rejects.toMatchObject({
      kind: "permission-denied",
      message: expect.stringMatching(/admin role has been removed/),
    });
  });

  it("asks a signed-out caller to sign in", async () => {
    await expect(requireAdmin(undefined, roleDocument(true))).rejects.toMatchObject({
      kind: "unauthenticated",
    });
  });

  it.each([{}, { admin: false }, { admin: "true" }, { admin: 1 }])(
    "refuses claims %j even with a roles document, without reading it",
    async (token) => {
      const roleExists = roleDocument(true);
      await expect(requireAdmin({ uid: "u", token }, roleExists)).rejects.toMatchObject({
        kind: "permission-denied",
      });
      expect(roleExists).not.toHaveBeenCalled();
    },
  );
});
