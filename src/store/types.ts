/**
 * The lab store's state, composed: each slice owns its types, actions and the reducer for its
 * events in its own file (configSlice, runSlice, historySlice, snapshotSlice, hoverSlice,
 * bridgeSlice, and the features' shareSlice, stepSlice, exerciseSlice, bugLabSlice, storySlice).
 */
import type { BugLabSlice } from './bugLabSlice';
import type { CoreState } from './coreState';
import type { ExerciseSlice } from './exerciseSlice';
import type { ShareSlice } from './shareSlice';
import type { StepSlice } from './stepSlice';
import type { StorySlice } from './storySlice';
export type { LabMode } from './configSlice';
export type { CostHistory } from './historySlice';
export type { RunState } from './runSlice';

export type LabState = CoreState & ShareSlice & BugLabSlice & StepSlice & ExerciseSlice & StorySlice;
