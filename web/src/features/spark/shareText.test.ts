import { afterEach, describe, expect, it, vi } from "vitest";
import { COPY_FAILED, copyText, shareText, type ShareTarget } from "./shareText";

const abort = () => Object.assign(new Error("Share canceled"), { name: "AbortError" });
const notAllowed = () => Object.assign(new Error("Permission denied"), { name: "NotAllowedError" });

function clipboard(result: "ok" | "denied" = "ok") {
  return {
    writeText: vi.fn((_text: string) =>
      result === "ok" ? Promise.resolve() : Promise.reject(notAllowed()),
    ),
  };
}

const data = { title: "Crust club", text: "Crust club\n\nEffort: low" };

describe("copyText", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes the text to the clipboard", async () => {
    const target = { clipboard: clipboard() };
    await copyText("hello", target);
    expect(target.clipboard.writeText).toHaveBeenCalledWith("hello");
  });

  it("says clearly that copying failed when the clipboard is denied", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(copyText("hello", { clipboard: clipboard("denied") })).rejects.toThrow(
      COPY_FAILED,
    );
  });

  it("says the same when the browser has no clipboard (insecure page, old browser)", async () => {
    await expect(copyText("hello", {})).rejects.toThrow(COPY_FAILED);
  });
});

describe("shareText", () => {
  afterEach(() => vi.restoreAllMocks());

  it("opens the share sheet when the browser has one, and copies nothing", async () => {
    const target = { share: vi.fn(() => Promise.resolve()), clipboard: clipboard() };
    expect(await shareText(data, target)).toBe("shared");
    expect(target.share).toHaveBeenCalledWith(data);
    expect(target.clipboard.writeText).not.toHaveBeenCalled();
  });

  it("treats closing the share sheet as a cancel, not an error, and copies nothing", async () => {
    const target = { share: vi.fn(() => Promise.reject(abort())), clipboard: clipboard() };
    expect(await shareText(data, target)).toBe("cancelled");
    expect(target.clipboard.writeText).not.toHaveBeenCalled();
  });

  it("copies the text when the browser cannot share", async () => {
    const target = { clipboard: clipboard() };
    expect(await shareText(data, target)).toBe("copied");
    expect(target.clipboard.writeText).toHaveBeenCalledWith(data.text);
  });

  it("copies the text when the browser says it cannot share this data", async () => {
    const target: ShareTarget = {
      share: vi.fn(() => Promise.resolve()),
      canShare: () => false,
      clipboard: clipboard(),
    };
    expect(await shareText(data, target)).toBe("copied");
    expect(target.share).not.toHaveBeenCalled();
  });

  it("copies the text when the share sheet refuses to open", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const target = { share: vi.fn(() => Promise.reject(notAllowed())), clipboard: clipboard() };
    expect(await shareText(data, target)).toBe("copied");
    expect(target.clipboard.writeText).toHaveBeenCalledWith(data.text);
  });

  it("fails with the clipboard message when neither sharing nor copying works", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(shareText(data, { clipboard: clipboard("denied") })).rejects.toThrow(COPY_FAILED);
  });
});
