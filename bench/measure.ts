/** Timing helpers for the benchmarks: warm up, repeat, take the median. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Rates {
  /** median units per wall-clock second */
  median: number;
  all: number[];
  /** median units per CPU second of this process: barely moved by other work on the cores */
  perCpuSecond: number;
}

/**
 * Runs `work` `warmups` times untimed (so V8 has optimised the hot path), then `repeats` times
 * timed; returns the rates (units per second) by wall clock and by this process's CPU time.
 */
export function rates(work: (repeat: number) => number, warmups: number, repeats: number): Rates {
  for (let k = 0; k < warmups; k++) work(-1 - k);
  const all: number[] = [];
  const perCpu: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const { wall, cpu } = timeOnce(() => work(k));
    all.push(wall);
    perCpu.push(cpu);
  }
  return { median: median(all), all, perCpuSecond: median(perCpu) };
}

/** One timed call of `work` (which returns how many units it did): units per wall second and per CPU second of this process. */
export function timeOnce(work: () => number): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const units = work();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall: units / wallSeconds, cpu: units / ((cpu.user + cpu.system) / 1e6) };
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
