/** The bug-lab worker: a thin adapter from the worker's messages to the pure sweep handler. */
/// <reference lib="webworker" />
import { createSweepHandler } from './sweepHandler';
import type { SweepCommand } from './sweepProtocol';

declare const self: DedicatedWorkerGlobalScope;

const handle = createSweepHandler((event, transfer) => self.postMessage(event, transfer ?? []));

self.onmessage = (event: MessageEvent<SweepCommand>) => handle(event.data);
