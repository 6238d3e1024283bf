/** Display names of the engine's settings, in one table for the controls and the status. */
import { type DatasetName, GATES, PLANE_SETS } from '../engine';
import type { Speed } from '../worker/lab/protocol';
import type { t as translate } from '../i18n/setup';
import { formatEpoch } from '../views/format';

/** The datasets in two groups, named in the page's language (gate names stay as they are). */
export function datasetGroups(t: typeof translate): ReadonlyArray<{ group: string; options: Array<{ value: DatasetName; label: string }> }> {
  return [
    { group: t('dataset.group.gates'), options: GATES.map((g) => ({ value: g, label: g })) },
    { group: t('dataset.group.plane'), options: PLANE_SETS.map((p) => ({ value: p, label: t(`dataset.${p}`) })) },
  ];
}

export function speedOptions(t: typeof translate): ReadonlyArray<{ value: Speed; label: string }> {
  const rates = [1, 10, 100, 1000].map((n) => ({ value: n as Speed, label: t('speed.rate', { count: n, n: formatEpoch(n) }) }));
  return [...rates, { value: 'max', label: t('speed.max') }];
}

export function batchOptions(t: typeof translate): ReadonlyArray<{ value: number; label: string }> {
  return [{ value: 0, label: t('batch.full') }, ...[1, 2, 4, 8, 16, 32, 64].map((n) => ({ value: n, label: String(n) }))];
}

/** The graph stays legible up to this many neurons a layer (the engine allows more). */
export const UI_MAX_NEURONS = 16;
