/**
 * Build-time Vite plugin (like the CSP one): `virtual:catalog/<language>` is that language's JSON
 * catalog with every ICU message compiled by Lingui, so the page ships no message parser.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:catalog/';
const catalogFile = (language: string) => fileURLToPath(new URL(`./catalogs/${language}.json`, import.meta.url));

/** A catalog's messages compiled; a message that is not valid ICU throws, naming its key. */
export function compileCatalog(messages: Record<string, string>): Record<string, unknown> {
  const compiled: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(messages)) {
    try {
      compiled[key] = compileMessageOrThrow(message);
    } catch (error) {
      throw new Error(`catalog message "${key}" is not valid ICU: ${(error as Error).message}`);
    }
  }
  return compiled;
}

export function compiledCatalogs(): Plugin {
  return {
    name: 'backprop-lab-compiled-catalogs',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const file = catalogFile(id.slice(PREFIX.length + 1));
      this.addWatchFile(file);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      return `export default ${JSON.stringify(compileCatalog(messages))};`;
    },
  };
}
