/**
 * The folder rules of docs/architecture.md, read from the source: each folder of src imports only
 * the folders listed for it, and no chain of value imports comes back to where it started.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(__dirname, '../../src');

/** What each folder may import besides itself (docs/architecture.md, "Who imports whom"). */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  worker: ['engine'],
  store: ['engine', 'worker'],
  views: ['engine', 'i18n'],
  // the catalogs and the language of the page: imports nothing of the lab's
  i18n: [],
  app: ['engine', 'worker', 'store', 'views', 'i18n'],
  // the CLI words the engine's messages from the English catalog (cli/english.ts)
  cli: ['engine', 'i18n'],
};

interface Import {
  from: string;
  to: string;
  /** `import type` (or only `type` names): erased by TypeScript, so it cannot make a runtime cycle */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveModule(fromFile: string, specifier: string): string {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(SRC, candidate);
    } catch {
      // not this one
    }
  }
  return relative(SRC, base);
}

const STATEMENT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return Array.from(text.matchAll(STATEMENT), ([, typeKeyword, clause, specifier]) => {
    const names =
      /\{([^}]*)\}/
        .exec(clause)?.[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean) ?? [];
    const onlyTypeNames = names.length > 0 && !/^[\w$]+\s*,|^\*/.test(clause.trim()) && names.every((n) => n.startsWith('type '));
    return { from: relative(SRC, file), to: resolveModule(file, specifier), typeOnly: Boolean(typeKeyword) || onlyTypeNames };
  });
}

const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.indexOf('/')) : path);

const imports = sourceFiles(SRC).flatMap(importsOf);

/** Every chain of imports in `edges` that comes back to where it started, as "a → b → a". */
function cyclesOf(edges: readonly Import[]): string[] {
  const graph = new Map<string, string[]>();
  for (const { from, to } of edges) graph.set(from, [...(graph.get(from) ?? []), to]);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the folders of src', () => {
  test('every folder imports only the folders it may (nothing imports upward)', () => {
    const breaches = imports
      .filter(({ from, to }) => folderOf(from) in ALLOWED && folderOf(to) !== folderOf(from) && !ALLOWED[folderOf(from)].includes(folderOf(to)))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(breaches).toEqual([]);
  });

  test('no chain of value imports leads back to its start', () => {
    expect(cyclesOf(imports.filter(({ typeOnly }) => !typeOnly))).toEqual([]);
  });

  test('no chain of imports, type imports included, leads back to its start', () => {
    // a type-only cycle runs nowhere, but it ties two files' meaning together: each idea has one home
    expect(cyclesOf(imports)).toEqual([]);
  });

  test('the lab worker (worker/lab) and the sweep workers (worker/sweep) import nothing of each other', () => {
    const roomOf = (path: string): string => path.split('/').slice(0, 2).join('/');
    const crossing = imports
      .filter(({ from, to }) => folderOf(from) === 'worker' && folderOf(to) === 'worker' && roomOf(from) !== roomOf(to))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(crossing).toEqual([]);
    expect(imports.filter(({ from }) => folderOf(from) === 'worker').every(({ from }) => /^worker\/(lab|sweep)\//.test(from))).toBe(true);
  });

  test('no component reaches the worker: components call store actions, never send or a worker command', () => {
    const components = sourceFiles(SRC).filter((file) => /^(app|views)\//.test(relative(SRC, file)));
    const reaching = components.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const uses = [/\bsend\(\s*\{/, /\.send\b/, /\bs\.send\b/, /\{[^}]*\bsend\b[^}]*\}\s*=\s*store\.getState\(\)/, /\brequest\(\s*\{/, /postMessage\(/].filter(
        (pattern) => pattern.test(text),
      );
      return uses.length > 0 ? [`${relative(SRC, file)}: ${uses.map(String).join(', ')}`] : [];
    });
    expect(reaching).toEqual([]);
  });

  test('the rules read real imports (a guard against a parser that finds nothing)', () => {
    expect(imports.length).toBeGreaterThan(300);
    expect(imports.some(({ from, to, typeOnly }) => from === 'store/configSlice.ts' && to === 'engine/index.ts' && !typeOnly)).toBe(true);
    expect(imports.some(({ from, to, typeOnly }) => from === 'store/types.ts' && to === 'store/shareSlice.ts' && typeOnly)).toBe(true);
  });
});
