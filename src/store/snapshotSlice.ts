import type { Dataset, Network } from '../engine';
import type { LabEvent, LabSnapshot } from '../worker/lab/protocol';
import type { BridgeSlice } from './bridgeSlice';
import type { HoverSlice } from './hoverSlice';
import type { RunSlice } from './runSlice';
import type { SliceCreator } from './sliceCreator';

export interface SnapshotSlice {
  /** the data of the current run */
  data: Dataset | null;
  /** the run's initial network */
  initialNetwork: Network | null;
  /** the latest live snapshot */
  snapshot: LabSnapshot | null;
  /** a checkpoint's snapshot while scrubbing */
  scrubSnapshot: LabSnapshot | null;
  /** the run whose weights were edited by hand (a link's settings and seed cannot retrain it), or null */
  editedRunId: number | null;
  /** Trains on the user's own data from now on (a new run); rejects with the reason the worker refused it (nothing changed then). */
  loadData(data: Dataset): Promise<void>;
  /** Trains this network from now on (a new run; Reset returns to it); rejects with the reason it was refused. */
  loadNetwork(network: Network): Promise<void>;
  /** Sets one weight or bias of the live network (leaving a scrubbed checkpoint); rejects with the reason it was refused. */
  setParam(index: number, value: number): Promise<void>;
}

type Needs = BridgeSlice & Pick<RunSlice, 'run'> & Pick<HoverSlice, 'hover' | 'scrub'>;

export const createSnapshotSlice: SliceCreator<SnapshotSlice, Needs> = (set, get) => {
  /** A command that replaces the run: an old refusal in the status line would read as its answer, so it goes first. */
  const load = (request: Parameters<BridgeSlice['request']>[0]) => {
    const run = get().run;
    if (run.error !== null) set({ run: { ...run, error: null } });
    return get().request(request);
  };
  return {
    data: null,
    initialNetwork: null,
    snapshot: null,
    scrubSnapshot: null,
    editedRunId: null,
    loadData: (data) => load({ type: 'loadData', data }),
    loadNetwork: (network) => load({ type: 'loadNetwork', network }),
    setParam(index, value) {
      // the edit is to the live network: leave the checkpoint being looked at
      if (get().hover.scrubEpoch !== null) get().scrub(null);
      return get()
        .request({ type: 'setParam', index, value })
        .then(() => set({ editedRunId: get().run.runId }));
    },
  };
};

/** A new run brings its data and network; a snapshot is the live one, or the checkpoint being scrubbed to. */
export function snapshotOnEvent(state: Pick<HoverSlice, 'hover'>, event: LabEvent): Partial<SnapshotSlice> {
  if (event.type === 'runStarted') return { data: event.data, initialNetwork: event.network, snapshot: null, scrubSnapshot: null };
  if (event.type !== 'snapshot') return {};
  if (event.snapshot.scrubbed) return state.hover.scrubEpoch === null ? {} : { scrubSnapshot: event.snapshot };
  return { snapshot: event.snapshot };
}
