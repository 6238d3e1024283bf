/** The same array object for as long as its elements are equal, so memos and props keyed on it hold across snapshots. */
import { useRef } from 'react';

export function useShallowStable<T>(values: readonly T[]): readonly T[] {
  const kept = useRef(values);
  const previous = kept.current;
  if (previous !== values && (previous.length !== values.length || previous.some((value, k) => value !== values[k]))) kept.current = values;
  return kept.current;
}
