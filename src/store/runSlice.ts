import type { StateCreator } from 'zustand/vanilla';
import type { LabState, RunSlice } from './types';

export const createRunSlice: StateCreator<LabState, [], [], RunSlice> = (set, get) => ({
  run: { runId: 0, running: false, epoch: 0, epochsPerSecond: 0, stopReason: null, message: null, error: null },
  play() {
    clearError(set, get);
    get().send({ type: 'play' });
  },
  pause() {
    get().send({ type: 'pause' });
  },
  togglePlay() {
    if (get().run.running) get().pause();
    else get().play();
  },
  step() {
    clearError(set, get);
    get().send({ type: 'step' });
  },
  runEpochs(epochs) {
    clearError(set, get);
    get().send({ type: 'run', epochs });
  },
  reset() {
    clearError(set, get);
    get().send({ type: 'reset' });
  },
  newSeed() {
    clearError(set, get);
    get().send({ type: 'newSeed' });
  },
});

function clearError(set: (partial: Partial<LabState>) => void, get: () => LabState): void {
  if (get().run.error) set({ run: { ...get().run, error: null } });
}
