/**
 * The CLI speaks English: an engine message is worded from the page's English catalog
 * (src/i18n/catalogs/en), so each sentence is written once for the page and the CLI alike.
 */
import { type I18n, setupI18n } from '@lingui/core';
import type { EngineMessage } from '../engine';
import { formatCoded } from '../i18n/coded';
import { CATALOG_AREAS } from '../i18n/catalogs/groups';
import { catalogFile, compileCatalog } from '../i18n/compileCatalogs';
import { readFileSync } from 'node:fs';

let english: I18n | null = null;

function englishCatalog(): I18n {
  if (english) return english;
  const messages: Record<string, string> = {};
  for (const area of CATALOG_AREAS) Object.assign(messages, JSON.parse(readFileSync(catalogFile('en', area), 'utf8')));
  english = setupI18n({ locale: 'en', messages: { en: compileCatalog(messages) as Parameters<I18n['load']>[1] } });
  return english;
}

/** An engine message as the CLI prints it. */
export function englishText(message: EngineMessage): string {
  const i18n = englishCatalog();
  return formatCoded(message, (key, values) => i18n._(key, values));
}
