// Worker entry of `npm run bench -- --against DIR`: the other checkout's engine in its own thread, so
// that it shares no JIT state, maps or feedback with this checkout's engine (loaded in one isolate,
// two engines perturb each other's optimised code). Plain JavaScript: it registers tsx itself.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'bench-other-engine' });
const engine = await tsx.import(pathToFileURL(workerData.entry).href, import.meta.url);
// one run at a time, timed here while the main thread waits (so the process's CPU time is this run's)
parentPort.on('message', ({ config, epochs }) => {
  const run = engine.buildRun(config);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const ran = run.trainer.train(epochs).ran;
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  parentPort.postMessage({ wall: ran / wall, cpu: ran / ((used.user + used.system) / 1e6) });
});
parentPort.postMessage('ready');
