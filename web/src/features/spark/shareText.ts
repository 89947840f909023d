// Copying and sharing text from the browser: the clipboard, and the Web Share API with the
// clipboard as the fallback where the browser has no share sheet. The browser's objects are
// passed in, so every path (denied, cancelled, unsupported) can be tested.

/** The parts of `navigator` used here. */
export interface ShareTarget {
  clipboard?: Pick<Clipboard, "writeText"> | undefined;
  share?: ((data: ShareData) => Promise<void>) | undefined;
  canShare?: ((data: ShareData) => boolean) | undefined;
}

export const COPY_FAILED =
  "Couldn't copy: this browser didn't allow access to the clipboard. Select the text and copy it yourself.";

/** What happened to a share: sent to the share sheet, copied instead, or cancelled by the person. */
export type ShareOutcome = "shared" | "copied" | "cancelled";

const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";

/** Puts `text` on the clipboard; throws an Error with COPY_FAILED when that is not allowed. */
export async function copyText(text: string, target: ShareTarget = navigator): Promise<void> {
  if (!target.clipboard) throw new Error(COPY_FAILED);
  try {
    await target.clipboard.writeText(text);
  } catch (error) {
    throw new Error(COPY_FAILED, { cause: error });
  }
}

/**
 * Opens the share sheet with `data` where the browser has one; otherwise (or when the sheet
 * refuses, e.g. without a user gesture) copies `data.text` instead. Closing the sheet is no error.
 */
export async function shareText(
  data: { title: string; text: string },
  target: ShareTarget = navigator,
): Promise<ShareOutcome> {
  if (typeof target.share === "function" && target.canShare?.(data) !== false) {
    try {
      await target.share(data);
      return "shared";
    } catch (error) {
      if (isAbort(error)) return "cancelled";
      console.warn("IdeaSpark could not open the share sheet; copying instead", error);
    }
  }
  await copyText(data.text, target);
  return "copied";
}
