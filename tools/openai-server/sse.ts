// Server-sent events in the Responses API's wire format: `event: <type>` plus a JSON `data`
// line carrying `type` and an increasing `sequence_number`; honours socket back-pressure.
import { once } from "node:events";
import type { ServerResponse } from "node:http";

export class SseWriter {
  private sequence = 0;

  constructor(
    private readonly res: ServerResponse,
    private readonly signal: AbortSignal,
  ) {}

  open(headers: Record<string, string> = {}): void {
    this.res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      ...headers,
    });
    this.res.flushHeaders();
  }

  /**
   * Sends one event. False means nothing was written because the client is gone: the caller
   * stops. True means it was written (what was written is what gets billed).
   */
  async send(type: string, fields: Record<string, unknown>): Promise<boolean> {
    const data = JSON.stringify({ type, sequence_number: this.sequence++, ...fields });
    return this.write(`event: ${type}\ndata: ${data}\n\n`);
  }

  /** Writes raw SSE text (also used to inject malformed data); see send(). */
  async write(text: string): Promise<boolean> {
    if (this.signal.aborted || this.res.destroyed) return false;
    if (!this.res.write(text)) {
      // Already handed to the socket; if the client leaves while it drains, the next write sees it.
      await once(this.res, "drain", { signal: this.signal }).catch(() => undefined);
    }
    return true;
  }

  end(): void {
    if (!this.res.destroyed) this.res.end();
  }
}

/** Splits text into deltas of a few characters up to about a word, like model tokens. */
export function splitIntoDeltas(text: string): string[] {
  const pieces = text.match(/\s*[\p{L}\p{N}'’_-]+|\s*[^\s\p{L}\p{N}]{1,3}|\s+/gu) ?? [];
  return pieces.flatMap((piece) =>
    piece.length > 12 ? (piece.match(/.{1,8}/gsu) ?? []) : [piece],
  );
}
