/** Both languages have the same keys and placeholders area by area, no key is in two areas, and every key is used somewhere in src/. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CompiledMessage, compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { CATALOG_AREAS, CATALOG_GROUPS } from '../../src/i18n/catalogs/groups';
import { catalogFile, compileCatalog } from '../../src/i18n/compileCatalogs';

const readArea = (language: string, area: string) => JSON.parse(readFileSync(catalogFile(language, area), 'utf8')) as Record<string, string>;
const readCatalog = (language: string): Record<string, string> => Object.assign({}, ...CATALOG_AREAS.map((area) => readArea(language, area)));
const en = readCatalog('en');
const zhCN = readCatalog('zh-CN');

const catalogs: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('catalogs') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The ICU arguments a message fills ({name}, {count, plural, …}, in branches too), each once, read off Lingui's compiled form. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      names.add(token[0]);
      const choices = token[2];
      if (choices && typeof choices === 'object')
        for (const [key, branch] of Object.entries(choices)) if (key !== 'offset' && Array.isArray(branch)) walk(branch as CompiledMessage);
    }
  };
  walk(compileMessageOrThrow(text));
  return [...names].sort();
}

/** Whether some source names the key: as a quoted literal, or through a template such as `tabs.${mode}`. */
function keyUsed(key: string, sources: string): boolean {
  if (sources.includes(`'${key}'`) || sources.includes(`"${key}"`) || sources.includes(`\`${key}\``)) return true;
  for (const match of sources.matchAll(/`([^`\n]*\$\{[^`\n]*)`/g)) {
    const pattern = match[1]
      .split(/\$\{[^}]*\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\w-]+');
    if (new RegExp(`^${pattern}$`).test(key)) return true;
  }
  return false;
}

describe('catalogs', () => {
  it('have the same keys in English and 简体中文, area by area', () => {
    for (const area of CATALOG_AREAS) expect(Object.keys(readArea('zh-CN', area)).sort(), area).toEqual(Object.keys(readArea('en', area)).sort());
  });

  it('hold each key in one area only, and each area in one group', () => {
    const areaOf = new Map<string, string>();
    for (const area of CATALOG_AREAS)
      for (const key of Object.keys(readArea('en', area))) {
        expect(areaOf.get(key), `${key} is in ${areaOf.get(key)} and ${area}`).toBeUndefined();
        areaOf.set(key, area);
      }
    expect(new Set(CATALOG_AREAS).size).toBe(Object.values(CATALOG_GROUPS).flat().length);
  });

  it('fill the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
  });

  it('are valid ICU in both languages (the build compiles them)', () => {
    for (const catalog of Object.values(catalogs)) expect(() => compileCatalog(catalog)).not.toThrow();
    expect(() => compileCatalog({ broken: '{count, plural, one {x}' })).toThrow(/broken/);
  });

  it('use the glossary’s terms in Chinese, not their common alternatives (docs/glossary.md)', () => {
    // alternative → the glossary's term: 损失 is loss (the lab's C is 代价), 偏差 and 偏移 are not 偏置, 时期/周期 are not 轮, 批次/批量训练 are not 批量
    const alternatives = ['损失', '偏差', '偏移', '时期', '周期', '迭代次数', '批次', '批量训练', '反向传导', '激励函数', '成本', '权值'];
    for (const [key, text] of Object.entries(zhCN)) for (const word of alternatives) expect(text.includes(word), `${key} uses ${word}`).toBe(false);
  });

  it('have no empty message', () => {
    for (const [language, catalog] of Object.entries(catalogs))
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${language} ${key}`).not.toBe('');
  });

  it('hold no key that no source file uses', () => {
    const sources = sourceFiles('src')
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = Object.keys(en).filter((key) => !keyUsed(key, sources));
    expect(unused).toEqual([]);
  });

  it('the unused-key check itself sees literal and template keys, and misses others', () => {
    expect(keyUsed('tabs.live', "t('tabs.live')")).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the check reads it
    expect(keyUsed('tabs.step', 'label: `tabs.${LabMode}`')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the check reads it
    expect(keyUsed('tabs.nowhere', "t('tabs.live'); `other.${x}`")).toBe(false);
  });
});
