/**
 * When the naive sigmoid overflowed during a live run, epoch by epoch. The trainer reports only the
 * last epoch's count (Trainer.lastOverflows) and the worker trains thousands of epochs per call, so
 * the run's trainer is wrapped once: after each of its epochs the count goes into an OverflowLog.
 * The log is found again by the trained network, which is what a snapshot is built from.
 */
import { type Network, OverflowLog, type OverflowSummary, type Trainer } from '../../engine';

const logs = new WeakMap<Network, OverflowLog>();

/** Starts logging the trainer's overflows per epoch (a second call on the same trainer does nothing). */
export function watchOverflows(trainer: Trainer): OverflowLog {
  const existing = logs.get(trainer.net);
  if (existing) return existing;
  const log = new OverflowLog();
  logs.set(trainer.net, log);
  const trainEpoch = trainer.trainEpoch.bind(trainer);
  // an own property shadows the prototype's method, so Trainer.train goes through it too
  trainer.trainEpoch = () => {
    const cost = trainEpoch();
    if (trainer.lastOverflows > 0) log.record(trainer.epoch, trainer.lastOverflows);
    return cost;
  };
  return log;
}

/** The log of the network's run so far, or null when nobody watched it. */
export function overflowSummaryOf(network: Network): OverflowSummary | null {
  return logs.get(network)?.snapshot() ?? null;
}
