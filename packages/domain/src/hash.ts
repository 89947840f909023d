// SHA-256 through Web Crypto (`globalThis.crypto.subtle`), present in browsers and Node 20,
// so the domain package stays free of Node-only APIs.

interface WebCryptoGlobals {
  crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder?: new () => { encode(input: string): Uint8Array };
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const { crypto, TextEncoder } = globalThis as unknown as WebCryptoGlobals;
  if (!crypto?.subtle || !TextEncoder) throw new Error("Web Crypto is not available here");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
