/**
 * Reading and writing the files named by flags, with one-line errors that name the flag and path.
 * A file is read only if it is a regular file within the page's limit for its kind (the engine's
 * MAX_CSV_CHARS for data, MAX_NETWORK_FILE_BYTES for networks), and the read stops at that limit
 * even if the file grows meanwhile: /dev/zero or a huge sparse file costs nothing.
 */
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, type Stats, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Dataset, Network } from '../engine';
import { MAX_CSV_CHARS, parseDatasetFile } from '../engine/csv';
import { MAX_NETWORK_FILE_BYTES, parseNetworkFile } from '../engine/networkFile';
import { englishText } from './english';
import { UsageError } from './errors';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  ENOTDIR: 'a folder on the path is a file',
};

function reason(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  return REASONS[code] ?? (err as Error).message.split('\n')[0];
}

/** What a path that is not a regular file is, for the message. */
function kindOf(stats: Stats): string {
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const CHUNK_BYTES = 64 * 1024;

/**
 * The text of a regular file of at most `maxBytes` bytes, decoded as UTF-8 the way the page's
 * File.text() does (a leading byte-order mark dropped, malformed bytes replaced).
 */
export function readTextFile(flag: string, path: string, maxBytes: number): string {
  const refuse: (why: string) => never = (why) => {
    throw new UsageError(`--${flag} ${path}: ${why}`);
  };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before we can see it is not a file
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return refuse(reason(err));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) refuse(stats.isDirectory() ? 'is a directory' : `is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) refuse(`file too large: ${count(stats.size)} bytes (limit ${count(maxBytes)})`);
    const bytes = readAtMost((chunk) => readSync(fd, chunk, 0, chunk.length, null), maxBytes);
    if (bytes === null) refuse(`file too large: it grew past ${count(maxBytes)} bytes (the limit) while being read`);
    return new TextDecoder('utf-8').decode(bytes);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    return refuse(reason(err));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads through `read` (which fills a chunk and says how many bytes it put there, 0 at the end) until
 * the end, or null as soon as more than `maxBytes` came: one byte past the limit is all it takes to
 * tell a file that grew since it was measured, and an endless source (a device) stops there too.
 */
export function readAtMost(read: (chunk: Buffer) => number, maxBytes: number): Buffer | null {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length <= maxBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - length));
    const got = read(chunk);
    if (got === 0) break;
    chunks.push(chunk.subarray(0, got));
    length += got;
  }
  return length > maxBytes ? null : Buffer.concat(chunks, length);
}

const count = (n: number): string => n.toLocaleString('en-US');

/** --data FILE: CSV (x1,…,y1,…) or JSON {"inputs", "targets"}, with the page's limit and parser. */
export function loadDataFile(path: string): Dataset {
  const parsed = parseDatasetFile(readTextFile('data', path, MAX_CSV_CHARS), basename(path));
  if (!parsed.ok) throw new UsageError(`--data ${path}: ${englishText(parsed.error)}`);
  return parsed.value;
}

/** --network FILE: the versioned network JSON, with the page's limit. */
export function loadNetworkFile(path: string): Network {
  const parsed = parseNetworkFile(readTextFile('network', path, MAX_NETWORK_FILE_BYTES));
  if (!parsed.ok) throw new UsageError(`--network ${path}: ${englishText(parsed.error)}`);
  return parsed.value;
}

export function writeTextFile(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
  } catch (err) {
    throw new UsageError(`--${flag} ${path}: cannot write (${reason(err)})`);
  }
}

/** Makes the folder `path` (and its parents) for --flag, as the help says --out DIR is the folder to write into. */
export function makeFolder(flag: string, path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw new UsageError(`--${flag} ${path}: cannot make this folder (${reason(err)})`);
  }
}

/** Fails early (before a long run) when `path` could not be written: its folder is missing or read-only. */
export function checkWritable(flag: string, path: string): void {
  if (path === '') throw new UsageError(`--${flag} needs a file name`);
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UsageError(`--${flag} ${path}: cannot write there (${code === 'ENOENT' ? 'no such folder' : reason(err)})`);
  }
}
