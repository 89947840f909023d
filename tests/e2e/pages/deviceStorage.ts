// What this browser profile keeps for the app, read from inside the page: localStorage, and every
// IndexedDB database (Firestore's persistent cache, Auth's session, ...) searched for given text.
import type { Page } from "playwright-core";

export interface IndexedDbScan {
  /** Names of the databases the origin has. */
  databases: string[];
  /** "database › store" for every object store with a key or value containing the text. */
  mentions: string[];
}

export class DeviceStorage {
  constructor(readonly page: Page) {}

  /** Every localStorage entry of the app's origin. */
  async localStorageEntries(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const entries: Record<string, string> = {};
      for (let index = 0; index < localStorage.length; index += 1) {
        const key = localStorage.key(index);
        if (key !== null) entries[key] = localStorage.getItem(key) ?? "";
      }
      return entries;
    });
  }

  /** localStorage keys or values containing `text`. */
  async localStorageMentions(text: string): Promise<string[]> {
    const entries = await this.localStorageEntries();
    return Object.entries(entries)
      .filter(([key, value]) => key.includes(text) || value.includes(text))
      .map(([key]) => key);
  }

  /**
   * Lists the origin's IndexedDB databases and reads every store of each (read-only, closing the
   * connection at once so the app's own deletions are never held up) for `text`.
   */
  async indexedDbScan(text: string): Promise<IndexedDbScan> {
    return this.page.evaluate(async (needle) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
        });
      const open = (name: string) =>
        new Promise<IDBDatabase | null>((resolve) => {
          const req = indexedDB.open(name);
          // Deleted since it was listed: do not leave an empty database behind.
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(null);
        });
      const databases = (await indexedDB.databases()).flatMap((info) =>
        info.name ? [info.name] : [],
      );
      const mentions: string[] = [];
      for (const name of databases) {
        const db = await open(name);
        if (!db) continue;
        try {
          for (const storeName of Array.from(db.objectStoreNames)) {
            const store = db.transaction(storeName, "readonly").objectStore(storeName);
            const [keys, values] = await Promise.all([
              request(store.getAllKeys()),
              request(store.getAll()),
            ]);
            if (JSON.stringify([keys, values]).includes(needle)) {
              mentions.push(`${name} › ${storeName}`);
            }
          }
        } finally {
          db.close();
        }
      }
      return { databases, mentions };
    }, text);
  }
}
