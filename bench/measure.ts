/** Timing helpers for the benchmarks: warm up, repeat, take the median. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `work` `warmups` times untimed (so V8 has optimised the hot path), then `repeats` times
 * timed; returns each timed run's rate (units per second) and their median.
 */
export function rates(work: (repeat: number) => number, warmups: number, repeats: number): { median: number; all: number[] } {
  for (let k = 0; k < warmups; k++) work(-1 - k);
  const all: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const started = performance.now();
    const units = work(k);
    all.push(units / ((performance.now() - started) / 1000));
  }
  return { median: median(all), all };
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  load: string;
}

/** What ran the benchmark: CPU model (lscpu when there is one), cores, Node, time, load average. */
export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const model = /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1];
    if (model) cpu = model.trim();
  } catch {
    // no lscpu: keep os.cpus()'s name
  }
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    load = 'unknown';
  }
  return { cpu, cores: availableParallelism(), node: process.version, date: new Date().toISOString(), load };
}
