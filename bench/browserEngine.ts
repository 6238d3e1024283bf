/**
 * The engine alone in a browser worker, for the browser benchmark's reference figure: the
 * question's experiment trained in one call, timed. Bundled by bench/browser.bench.ts.
 */
import { buildRun, questionConfig } from '../src/engine';

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<number>) => void) | null; postMessage(value: number): void };

scope.onmessage = (event) => {
  const run = buildRun({ ...questionConfig('XOR'), seed: 1 });
  run.trainer.train(100_000); // warm-up: let V8 optimise the hot path
  const started = performance.now();
  run.trainer.train(event.data);
  scope.postMessage(event.data / ((performance.now() - started) / 1000));
};
