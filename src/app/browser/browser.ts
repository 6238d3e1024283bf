/**
 * The few browser calls sharing needs, each wrapped so a blocked or missing API becomes a
 * message instead of a throw. Kept apart from the pure modules so those run in Node tests.
 */
import { type EngineMessage, engineMessage } from '../../engine';
import type { SettingsStorage } from '../storage/persist';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: EngineMessage };

/** window.localStorage, or null where reading it throws (sandboxed frames, some privacy modes). */
export function browserStorage(): SettingsStorage | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** Reads a user's file as text if it is no bigger than `maxBytes`; the size is checked before reading. */
export async function readFileText(file: Blob, maxBytes: number): Promise<Outcome<string>> {
  if (file.size > maxBytes) return { ok: false, error: engineMessage('fileBytesTooLarge', { count: file.size, max: maxBytes }) };
  try {
    return { ok: true, value: await file.text() };
  } catch {
    return { ok: false, error: engineMessage('fileNotRead') };
  }
}

/** Saves a blob under a file name through a temporary link (no navigation, URL revoked after). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // the click has started the download; give it a moment before the URL goes
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(text: string, filename: string, type = 'text/plain'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
}

/** Copies text to the clipboard; false if the browser refused (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Puts a query in the address bar without a reload or a new history entry. */
/** The page-level keys (embed, presenter …) every rewrite keeps; registered by src/app/embed. */
let pageParams: () => Array<[string, string]> = () => [];
export function keepPageParams(read: () => Array<[string, string]>): void {
  pageParams = read;
}

export function replaceQuery(query: URLSearchParams): void {
  try {
    const url = new URL(window.location.href);
    const full = new URLSearchParams(query);
    for (const [key, value] of pageParams()) full.set(key, value);
    url.search = full.toString();
    window.history.replaceState(window.history.state, '', url);
  } catch {
    // some embedded contexts forbid history changes; the Copy link control still works
  }
}
