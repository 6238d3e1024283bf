import type { StateCreator } from 'zustand/vanilla';

/**
 * A slice's creator: it makes its own state and actions (`Own`) and reads or writes only what it
 * names of the others (`Needs`), so a slice imports the slices it uses, never the whole store.
 */
export type SliceCreator<Own, Needs = unknown> = StateCreator<Own & Needs, [], [], Own>;
