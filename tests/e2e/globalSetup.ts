/**
 * Builds the production bundle once and serves it on a free local port, with the HTTP headers a
 * host should send (vite.config.ts preview.headers), for the browser tests. Tests read the address
 * with inject('baseUrl'). Without a browser nothing is built: each e2e file then fails at once with
 * one line saying how to get one (requireBrowser.ts), and the Node project runs as usual.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findBrowser, localProbe, noBrowserLine } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** the one-line advice when no browser was found, else '' */
    browserProblem: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findBrowser(localProbe)) {
    const line = noBrowserLine(localProbe);
    console.error(line);
    project.provide('browserProblem', line);
    project.provide('baseUrl', '');
    return undefined;
  }
  project.provide('browserProblem', '');
  // A private output folder, so parallel runs never serve each other's half-written build.
  const outDir = mkdtempSync(join(tmpdir(), 'backprop-lab-e2e-'));
  // React's production build, as `npm run build` makes it (inside Vitest NODE_ENV is `test`, which
  // would bundle React's development build and test something no user gets)
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report an address');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
