/**
 * The step-through's loading, DOM-free: the shipped examples' address, and a user's network file
 * and dataset file (JSON {"inputs", "targets"} or CSV) read with the engine's parsers. Each
 * returns a whole value or one message naming the file (worded when shown, so a language switch
 * rewords it); nothing is half loaded.
 */
import { problemText } from '../../i18n/messageText';
import type { Dataset, EngineMessage, Network, ParseResult } from '../../engine';
import { parseDatasetFile } from '../../engine/csv';
import { importNetworkText, shortError } from '../files/files';
import { t } from '../../i18n/setup';

/** The shipped worked examples (public/examples), wherever the app is served from. */
export function exampleUrl(file: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.endsWith('/') ? base : `${base}/`}examples/${file}`;
}

/** A file name without folders and extension, as the dataset's name. */
function fileStem(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/(\.dataset)?\.(json|csv|txt)$/i, '') || 'custom';
}

/** A network file's text, as the lab's own export and the CLI write it. */
export function readNetworkFile(text: string, fileName: string): ParseResult<Network, () => string> {
  const result = importNetworkText(text);
  if (result.ok) return result;
  // the file's own name in place of "Network file"
  const { error } = result;
  const detail = typeof error !== 'string' && error.code === 'fileNetwork' ? (error.values.detail as EngineMessage) : error;
  return { ok: false, error: () => shortError(fileName, problemText(detail)) };
}

/** A dataset file: JSON {"inputs": [[…]], "targets": [[…]]}, or CSV with a header (x1,x2,…,y1,…), as the CLI's --data reads it. */
export function readDatasetFile(text: string, fileName: string): ParseResult<Dataset, () => string> {
  try {
    const result = parseDatasetFile(text, fileStem(fileName));
    return result.ok ? result : { ok: false, error: () => shortError(fileName, problemText(result.error)) };
  } catch {
    return { ok: false, error: () => t('step.loader.unreadable', { file: fileName }) };
  }
}
