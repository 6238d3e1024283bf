/**
 * The training worker: a thin adapter that wires the pure handler to the worker's real
 * postMessage, clock and timers. Zero-delay slices go through a MessageChannel, because nested
 * setTimeout(0) calls are clamped to 4 ms, which would cost a third of the training time.
 */
/// <reference lib="webworker" />
import { createLabHandler } from './handler';
import type { LabCommand } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const immediate: Array<() => void> = [];
channel.port1.onmessage = () => immediate.shift()?.();

function schedule(fn: () => void, ms: number): () => void {
  if (ms > 0) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  }
  let cancelled = false;
  immediate.push(() => {
    if (!cancelled) fn();
  });
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
  };
}

const handler = createLabHandler({
  post: (event, transfer) => self.postMessage(event, transfer),
  now: () => performance.now(),
  schedule,
});

self.onmessage = (event: MessageEvent<LabCommand>) => handler.handle(event.data);
