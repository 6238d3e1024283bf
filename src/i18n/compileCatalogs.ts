/**
 * Build-time Vite plugin (like the CSP one): `virtual:catalog/<group>/<language>` is that group's
 * areas (catalogs/groups.ts) of that language's JSON catalogs, merged, with every ICU message compiled
 * by Lingui, so the page ships no message parser.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';
import { CATALOG_GROUPS, type CatalogGroup } from './catalogs/groups.ts';

const PREFIX = 'virtual:catalog/';
export const catalogFile = (language: string, area: string) => fileURLToPath(new URL(`./catalogs/${language}/${area}.json`, import.meta.url));

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
      const [group, language] = id.slice(PREFIX.length + 1).split('/');
      const areas = CATALOG_GROUPS[group as CatalogGroup];
      if (!areas || !language) throw new Error(`unknown catalog ${id.slice(1)}: expected virtual:catalog/<group>/<language>`);
      const messages: Record<string, string> = {};
      for (const area of areas) {
        const file = catalogFile(language, area);
        this.addWatchFile(file);
        Object.assign(messages, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
      }
      return `export default ${JSON.stringify(compileCatalog(messages))};`;
    },
  };
}
