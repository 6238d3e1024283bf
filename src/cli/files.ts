/** Reading and writing the files named by flags, with one-line errors that name the flag and path. */
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

export function readTextFile(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--${flag} ${path}: ${reason(err)}`);
  }
}

export function writeTextFile(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
  } catch (err) {
    throw new UsageError(`--${flag} ${path}: cannot write (${reason(err)})`);
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
