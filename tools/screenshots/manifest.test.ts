// The manifest's screenshots are real files of the size the manifest states (the install dialog
// drops an entry whose image does not match), one narrow and one wide at least.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pwaOptions } from "../../web/pwa.config.js";
import { REPO_ROOT } from "../emulators/prepare.js";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): string {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe("manifest screenshots", () => {
  const manifest = pwaOptions.manifest || {};
  const screenshots = manifest.screenshots ?? [];

  it("has narrow and wide pictures", () => {
    const forms = new Set(screenshots.map((shot) => shot.form_factor));
    expect([...forms].sort()).toEqual(["narrow", "wide"]);
  });

  it.each(screenshots.map((shot) => [shot.src, shot.sizes] as const))(
    "%s is a PNG of the stated size %s",
    (src, sizes) => {
      expect(pngSize(path.join(REPO_ROOT, "web", "public", src))).toBe(sizes);
    },
  );
});
