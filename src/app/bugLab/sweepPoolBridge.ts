/** Gives the store the page's sweep pool (Web Workers, created when a sweep or twin run first needs them). */
import type { LabStore } from '../../store/labStore';
import { createBrowserSweepPool } from '../../store/sweepPool';

export function startSweepPool(store: LabStore): () => void {
  const pool = createBrowserSweepPool();
  store.getState().attachSweepRunner(pool);
  return () => {
    store.getState().attachSweepRunner(null);
    pool.dispose();
  };
}
