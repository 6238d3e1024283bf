// Worker entry of the sweep pool. Plain JavaScript so Node can load it without a loader: it
// registers tsx (namespaced, so it works however the parent was started) and loads the TypeScript.
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'backprop-lab-sweep-worker' });
await tsx.import('./sweepWorker.ts', import.meta.url);
