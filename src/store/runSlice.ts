import { STOP_SETTINGS } from '../engine';
import type { StateCreator } from 'zustand/vanilla';
import type { LabState, RunSlice } from './types';

/** The largest "Stop after" the settings allow (configSlice.setStop checks it). */
const MAX_STOP_AFTER = STOP_SETTINGS.maxEpochs.max;

/** Whether a paused run stands at its epoch limit, so Play would train nothing. */
export const atEpochLimit = (state: Pick<LabState, 'run' | 'stop'>): boolean => !state.run.running && state.stop.maxEpochs > 0 && state.run.epoch >= state.stop.maxEpochs;

export const createRunSlice: StateCreator<LabState, [], [], RunSlice> = (set, get) => {
  /** Sends a command that trains or starts a run, unless the lab is halted (its message then stays). */
  const command = (send: () => void) => {
    const run = get().run;
    if (run.halted) return;
    if (run.error) set({ run: { ...run, error: null } });
    send();
  };
  return {
    run: { runId: 0, running: false, epoch: 0, epochsPerSecond: 0, stopReason: null, message: null, error: null, halted: null, limitOffer: false, carriedOver: null },
    play() {
      // at the limit, Play offers to go past it (one click) instead of a refusal that says to raise it
      if (atEpochLimit(get())) return command(() => set({ run: { ...get().run, limitOffer: true } }));
      command(() => get().send({ type: 'play' }));
    },
    continuePastLimit() {
      const { run, stop } = get();
      if (run.halted) return;
      const next = run.epoch + stop.maxEpochs;
      const problem = get().setStop({ maxEpochs: next <= MAX_STOP_AFTER ? next : 0 });
      if (problem) return set({ run: { ...get().run, error: problem } });
      set({ run: { ...get().run, limitOffer: false } });
      get().play();
    },
    pause() {
      get().send({ type: 'pause' });
    },
    togglePlay() {
      if (get().run.running) get().pause();
      else get().play();
    },
    step() {
      command(() => get().send({ type: 'step' }));
    },
    runEpochs(epochs) {
      command(() => get().send({ type: 'run', epochs }));
    },
    reset() {
      command(() => get().send({ type: 'reset' }));
    },
    newSeed() {
      command(() => get().send({ type: 'newSeed' }));
    },
  };
};
