/**
 * The bug-lab worker's pure message handler: no worker globals, so tests drive it in Node and the
 * benchmark runs it in worker_threads. A chunk runs synchronously, its starts side by side; cancelling a sweep terminates
 * the worker, which is the only way to stop a run mid-start.
 */
import {
  DERIVATIVE_MODES,
  GridEvaluator,
  type Network,
  type SweepStartRecord,
  activationsOf,
  namedDataset,
  problemOf,
  runSweepChunk,
  twinRun,
} from '../../engine';
import type { SweepCommand, SweepEvent } from './sweepProtocol';

export type SweepPost = (event: SweepEvent, transfer?: Transferable[]) => void;

export function createSweepHandler(post: SweepPost): (command: SweepCommand) => void {
  return (command) => {
    try {
      if (command.type === 'starts') {
        // the chunk's starts train side by side (engine/sweep.ts), so their records come together
        const records = runSweepChunk(
          { config: command.config, derivatives: DERIVATIVE_MODES, data: command.data },
          { first: command.first, count: command.count },
        );
        for (const record of records) post({ type: 'start', jobId: command.jobId, record: record as SweepStartRecord });
        post({ type: 'chunkDone', jobId: command.jobId });
      } else if (command.type === 'twin') {
        const data = command.data ?? namedDataset(command.config.dataset, command.config.dataSeed);
        const onProgress = command.progress
          ? (epoch: number) => post({ type: 'twinProgress', jobId: command.jobId, epoch, epochs: command.epochs })
          : undefined;
        const result = twinRun(command.config, command.epochs, data, onProgress);
        const net = (params: Float64Array): Network => ({
          sizes: result.sizes,
          activations: activationsOf(command.config),
          leakySlope: command.config.leakySlope,
          params,
        });
        const evaluator = new GridEvaluator(net(result.correct.params), data.domain, command.resolution, command.neuronResolution);
        const grids = { correct: evaluator.evaluate(net(result.correct.params)), buggy: evaluator.evaluate(net(result.buggy.params)) };
        const transfer: Transferable[] = [result.correct.costs.buffer, result.buggy.costs.buffer];
        for (const g of [grids.correct, grids.buggy]) {
          transfer.push(g.output.buffer);
          for (const layer of g.neurons) for (const cells of layer) transfer.push(cells.buffer);
        }
        post({ type: 'twin', jobId: command.jobId, result, grids }, transfer);
      } else {
        post({
          type: 'error',
          jobId: (command as { jobId?: number }).jobId ?? -1,
          message: `unknown command ${JSON.stringify((command as { type?: unknown }).type)}`,
        });
      }
    } catch (error) {
      post({ type: 'error', jobId: command.jobId, message: problemOf(error) });
    }
  };
}
