// What this browser remembers of the files it imported, so that an import left half-way can be
// resumed by choosing the same folder again: a file is known by its name, size, last change and
// the SHA-256 of its bytes, and remembered once the server said it is imported (or already was).
// Files it does not remember are still checked by the server, whose duplicate check recognises any
// text already imported, from this browser or another.
export type Remembered = { articleId: string; title: string };

const PREFIX = "claimwork:imported:";

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The key a file is remembered by; without Web Crypto (a page not served over HTTPS) it leaves the hash out. */
export async function fileKey(file: File): Promise<string> {
  const identity = `${file.name}|${file.size}|${file.lastModified}`;
  if (!globalThis.crypto?.subtle) return identity;
  return `${identity}|${hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()))}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: nothing is remembered, the server's duplicate check still answers
  }
}

export function recall(key: string): Remembered | null {
  try {
    const value = storage()?.getItem(PREFIX + key);
    return value ? (JSON.parse(value) as Remembered) : null;
  } catch {
    return null;
  }
}

export function remember(key: string, imported: Remembered): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(imported));
  } catch {
    // storage full or disabled: this file will be checked by the server next time
  }
}
