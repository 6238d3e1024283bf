import type { StateCreator } from 'zustand/vanilla';
import type { LabState, SnapshotSlice } from './types';

export const createSnapshotSlice: StateCreator<LabState, [], [], SnapshotSlice> = () => ({
  data: null,
  initialNetwork: null,
  snapshot: null,
  scrubSnapshot: null,
});
