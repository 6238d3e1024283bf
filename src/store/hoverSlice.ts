/** What the pointer and the sample picker point at, and the checkpoint being scrubbed to. */
import type { Dataset, SampleSelection } from '../engine';
import type { LabEvent, LabSnapshot } from '../worker/lab/protocol';
import type { BridgeSlice } from './bridgeSlice';
import type { SliceCreator } from './sliceCreator';

interface HoverState {
  sample: SampleSelection;
  hoveredParam: number | null;
  /** [layer l, neuron j] */
  hoveredNeuron: [number, number] | null;
  /** the epoch being scrubbed to, or null for live */
  scrubEpoch: number | null;
}

export interface HoverSlice {
  hover: HoverState;
  selectSample(sample: SampleSelection): void;
  hoverParam(index: number | null): void;
  hoverNeuron(neuron: [number, number] | null): void;
  scrub(epoch: number | null): void;
}

/** The run's data and scrubbed snapshot (snapshot slice) and how far its history goes (history slice), named by shape: those slices read this one. */
type Needs = BridgeSlice & { data: Dataset | null; scrubSnapshot: LabSnapshot | null; history: { length: number } };

export const createHoverSlice: SliceCreator<HoverSlice, Needs> = (set, get) => ({
  hover: { sample: 'mean', hoveredParam: null, hoveredNeuron: null, scrubEpoch: null },
  selectSample(sample) {
    const count = get().data?.count ?? 0;
    if (sample !== 'mean' && !(Number.isInteger(sample) && sample >= 0 && sample < count)) return;
    set({ hover: { ...get().hover, sample } });
  },
  hoverParam(index) {
    if (get().hover.hoveredParam !== index) set({ hover: { ...get().hover, hoveredParam: index } });
  },
  hoverNeuron(neuron) {
    const current = get().hover.hoveredNeuron;
    if (current === neuron || (current && neuron && current[0] === neuron[0] && current[1] === neuron[1])) return;
    set({ hover: { ...get().hover, hoveredNeuron: neuron } });
  },
  scrub(epoch) {
    if (epoch === null) {
      set({ hover: { ...get().hover, scrubEpoch: null }, scrubSnapshot: null });
      return;
    }
    const clamped = Math.max(0, Math.min(Math.round(epoch), get().history.length));
    set({ hover: { ...get().hover, scrubEpoch: clamped } });
    get().send({ type: 'scrub', epoch: clamped });
  },
});

/** A new run: live again, and a sample the new data has (else the mean). */
export function hoverOnEvent(state: Pick<HoverSlice, 'hover'>, event: LabEvent): Partial<HoverSlice> {
  if (event.type !== 'runStarted') return {};
  const sample = state.hover.sample;
  return { hover: { ...state.hover, scrubEpoch: null, sample: sample === 'mean' || sample < event.data.count ? sample : 'mean' } };
}
