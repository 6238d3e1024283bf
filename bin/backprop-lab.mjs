#!/usr/bin/env node
// The package bin: loads the TypeScript command line through tsx's API, from any working folder.
// (tsx resolves from this file's folder; `--import tsx` would resolve from the caller's cwd.)
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'backprop-lab' });
await tsx.import('../src/cli/main.ts', import.meta.url);
