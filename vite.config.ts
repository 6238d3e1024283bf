/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy, securityHeaders } from './src/app/browser/csp.ts';
import { compiledCatalogs } from './src/i18n/compileCatalogs.ts';

// The engine runs in a module worker, built as its own chunk.
export default defineConfig({
  // the CSP meta tag goes into the production build only (dev needs Vite's inline HMR client)
  plugins: [react(), contentSecurityPolicy(), compiledCatalogs()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  // the production build is previewed (and tested end to end) under the headers a host should send
  preview: { headers: securityHeaders() },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          setupFiles: ['tests/i18nSetup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // without a browser every e2e file fails at once with one line (the Node project still runs)
          setupFiles: ['tests/e2e/requireBrowser.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // one browser at a time: the machines have 2 cores
          fileParallelism: false,
        },
      },
    ],
  },
});
