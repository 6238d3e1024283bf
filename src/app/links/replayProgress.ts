/**
 * The epoch a link's run is being retrained to (replayEpoch.ts), for Copy link's status to show;
 * null when none. Plain functions, no React: the lazy replay chunk then shares nothing with the page's.
 */
let target: number | null = null;
const listeners = new Set<() => void>();

export const setReplayTarget = (next: number | null) => {
  target = next;
  for (const listener of listeners) listener();
};

export const replayTarget = () => target;

export function onReplayTarget(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
