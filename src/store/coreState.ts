/** The lab's core slices together: what the feature slices (share, step-through, bug lab, story) build on. */
import type { BridgeSlice } from './bridgeSlice';
import type { ConfigSlice } from './configSlice';
import type { HistorySlice } from './historySlice';
import type { HoverSlice } from './hoverSlice';
import type { RunSlice } from './runSlice';
import type { SnapshotSlice } from './snapshotSlice';

export type CoreState = ConfigSlice & RunSlice & HistorySlice & SnapshotSlice & HoverSlice & BridgeSlice;
