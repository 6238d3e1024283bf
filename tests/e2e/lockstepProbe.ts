/**
 * What tests/e2e/lockstep.test.ts runs in Chromium (bundled by Vite into one script for a blank
 * page): the lockstep's WebAssembly exp and whole lockstep sweeps, with either kernel.
 */
import type { LabConfig, StartResult } from '../../src/engine';
import { namedDataset } from '../../src/engine';
import { type LockstepKernel, runLockstep } from '../../src/engine/lockstep/lockstep';
import { WasmEpoch } from '../../src/engine/lockstep/wasmKernel';

/** The kernel's e^x of each value, or null where it cannot run. */
export function kernelExp(values: number[]): number[] | null {
  const result = WasmEpoch.exp(Float64Array.from(values));
  return result ? Array.from(result) : null;
}

/** runLockstep's records for the seeds on the configuration's named dataset. */
export function lockstepRecords(config: LabConfig, seeds: number[], kernel: LockstepKernel): StartResult[] {
  return runLockstep(config, seeds, namedDataset(config.dataset, config.dataSeed), kernel);
}
