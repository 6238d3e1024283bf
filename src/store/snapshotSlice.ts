import type { StateCreator } from 'zustand/vanilla';
import type { LabState, SnapshotSlice } from './types';

export const createSnapshotSlice: StateCreator<LabState, [], [], SnapshotSlice> = (set, get) => {
  /** A command that replaces the run: an old refusal in the status line would read as its answer, so it goes first. */
  const load = (request: Parameters<LabState['request']>[0]) => {
    const run = get().run;
    if (run.error !== null) set({ run: { ...run, error: null } });
    return get().request(request);
  };
  return {
    data: null,
    initialNetwork: null,
    snapshot: null,
    scrubSnapshot: null,
    loadData: (data) => load({ type: 'loadData', data }),
    loadNetwork: (network) => load({ type: 'loadNetwork', network }),
    setParam(index, value) {
      // the edit is to the live network: leave the checkpoint being looked at
      if (get().inspect.scrubEpoch !== null) get().scrub(null);
      return get().request({ type: 'setParam', index, value });
    },
  };
};
