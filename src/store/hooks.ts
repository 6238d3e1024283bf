/** React access to the lab store: a context for the instance, and selector hooks. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LabConfig } from '../engine';
import type { LabStore } from './labStore';
import type { LabState } from './types';

export const LabStoreContext = createContext<LabStore | null>(null);

export function useLabStoreApi(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLabStore: no LabStoreContext provider above this component');
  return store;
}

/** Re-renders only when the selected value changes (by Object.is). */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStoreApi(), selector);
}

/** For selectors that build an object or array: compares it field by field. */
export function useLabShallow<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStoreApi(), useShallow(selector));
}

/** The named configuration fields, re-rendering only when one of them changes. */
export function useConfigFields<K extends keyof LabConfig>(...keys: K[]): Pick<LabConfig, K> {
  return useLabShallow((s) => {
    const fields = {} as Pick<LabConfig, K>;
    for (const key of keys) fields[key] = s.config[key];
    return fields;
  });
}
