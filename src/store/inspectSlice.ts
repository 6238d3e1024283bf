import type { StateCreator } from 'zustand/vanilla';
import type { InspectSlice, LabState } from './types';

export const createInspectSlice: StateCreator<LabState, [], [], InspectSlice> = (set, get) => ({
  inspect: { sample: 'mean', hoveredParam: null, hoveredNeuron: null, scrubEpoch: null },
  selectSample(sample) {
    const count = get().data?.count ?? 0;
    if (sample !== 'mean' && !(Number.isInteger(sample) && sample >= 0 && sample < count)) return;
    set({ inspect: { ...get().inspect, sample } });
  },
  hoverParam(index) {
    if (get().inspect.hoveredParam !== index) set({ inspect: { ...get().inspect, hoveredParam: index } });
  },
  hoverNeuron(neuron) {
    const current = get().inspect.hoveredNeuron;
    if (current === neuron || (current && neuron && current[0] === neuron[0] && current[1] === neuron[1])) return;
    set({ inspect: { ...get().inspect, hoveredNeuron: neuron } });
  },
  scrub(epoch) {
    if (epoch === null) {
      set({ inspect: { ...get().inspect, scrubEpoch: null }, scrubSnapshot: null });
      return;
    }
    const clamped = Math.max(0, Math.min(Math.round(epoch), get().history.length));
    set({ inspect: { ...get().inspect, scrubEpoch: clamped } });
    get().send({ type: 'scrub', epoch: clamped });
  },
});
