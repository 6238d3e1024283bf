/**
 * The three live views, fed from the store: the graph and the boundary from the snapshot (or a
 * scrubbed checkpoint), the cost curve from the history through a transient source.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { historyCostSource } from '../store/costSource';
import { CURVE_WORDS } from './curveWords';
import { useLab, useLabStoreApi } from '../store/hooks';
import type { LabState } from '../store/types';
import { DecisionBoundary } from '../views/boundary/DecisionBoundary';
import { CostCurve, type CostSource } from '../views/costCurve/CostCurve';
import { NetworkGraph } from '../views/graph/NetworkGraph';
import { formatEpoch } from '../views/format';
import { useT } from '../i18n/setup';
import { ErrorBoundary } from './ErrorBoundary';
import { StuckNote } from './StuckNote';

export function LabViews() {
  return (
    <div className="views">
      <section className="card card--graph">
        <PastEpochNote />
        <ErrorBoundary name="fault.graph">
          <GraphView />
          {/* under the hidden neurons it is about, in the room the graph card has below them */}
          <StuckNote />
        </ErrorBoundary>
      </section>
      <section className="card card--boundary">
        <PastEpochNote />
        <ErrorBoundary name="fault.boundary">
          <BoundaryView />
        </ErrorBoundary>
      </section>
      <section className="card card--cost">
        <ErrorBoundary name="fault.cost">
          <CostView />
          <ScrubBar />
        </ErrorBoundary>
      </section>
    </div>
  );
}

// Each view subscribes to what it shows, so a snapshot re-renders the graph and the boundary but
// not the cost curve, which redraws from the history on its own.

/** The snapshot on show: a scrubbed checkpoint, else the live one. */
const shownSnapshot = (s: LabState) => s.scrubSnapshot ?? s.snapshot;

export function GraphView() {
  const shown = useLab(shownSnapshot);
  const initialNetwork = useLab((s) => s.initialNetwork);
  const sample = useLab((s) => s.hover.sample);
  const selectSample = useLab((s) => s.selectSample);
  const editParam = useLab((s) => s.editParam);
  const t = useT();
  const network = shown?.network ?? initialNetwork;
  if (!network)
    return (
      <figure aria-label={t('live.graphLabel')} className="placeholder">
        {t('live.starting')}
      </figure>
    );
  return (
    <NetworkGraph
      network={network}
      pass={shown?.pass ?? null}
      grids={shown?.grids ?? null}
      sample={sample}
      onSampleChange={selectSample}
      onParamClick={editParam}
      height={graphHeight(network.sizes)}
    />
  );
}

export function BoundaryView() {
  const shown = useLab(shownSnapshot);
  const data = useLab((s) => s.data);
  const rounded = useLab((s) => s.ui.rounded);
  const setUi = useLab((s) => s.setUi);
  const onRoundedChange = useCallback((value: boolean) => setUi({ rounded: value }), [setUi]);
  const size = useBoundarySize();
  return (
    <DecisionBoundary
      grids={shown?.grids ?? null}
      data={data}
      outputs={shown?.evaluation.outputs ?? null}
      rounded={rounded}
      onRoundedChange={onRoundedChange}
      size={size}
    />
  );
}

export function CostView() {
  const store = useLabStoreApi();
  const scale = useLab((s) => s.ui.costScale);
  const setUi = useLab((s) => s.setUi);
  const scrub = useLab((s) => s.scrub);
  const source: CostSource = useMemo(() => historyCostSource(store, CURVE_WORDS), [store]);
  const onScaleChange = useCallback((costScale: 'linear' | 'log') => setUi({ costScale }), [setUi]);
  const height = useNarrow() ? 120 : 150;
  const clearGhost = useLab((s) => s.clearGhost);
  return <CostCurve source={source} scale={scale} onScaleChange={onScaleChange} onPickEpoch={scrub} height={height} onClearFaint={clearGhost} />;
}

/** While scrubbing, each view says it shows a past epoch, not the run the status counts (words in the group loaded after the first render). */
function PastEpochNote() {
  const shownEpoch = useLab((s) => (s.hover.scrubEpoch === null ? null : (s.scrubSnapshot?.epoch ?? s.hover.scrubEpoch)));
  const live = useLab((s) => s.run.epoch);
  const t = useT();
  if (shownEpoch === null) return null;
  return <p className="past-epoch">{t('scrub.viewShowing', { epoch: formatEpoch(shownEpoch), live: formatEpoch(live) })}</p>;
}

/** Scrub back through the run's checkpoints, and back to live. */
export function ScrubBar() {
  const epoch = useLab((s) => s.run.epoch);
  const scrubEpoch = useLab((s) => s.hover.scrubEpoch);
  const shownEpoch = useLab((s) => s.scrubSnapshot?.epoch ?? null);
  const scrub = useLab((s) => s.scrub);
  const inspectEpoch = useLab((s) => s.inspectEpoch);
  const config = useLab((s) => s.config);
  const inspectAt = (at: number) => inspectEpoch({ ...config, epochs: Math.max(config.epochs, at) }, at);
  const t = useT();
  return (
    <div className="scrub">
      <label htmlFor="scrub-range">{t('scrub.label')}</label>
      <input
        id="scrub-range"
        type="range"
        min={0}
        max={Math.max(epoch, 1)}
        step={1}
        value={scrubEpoch ?? epoch}
        disabled={epoch === 0}
        aria-valuetext={t('scrub.epoch', { epoch: formatEpoch(scrubEpoch ?? epoch) })}
        onChange={(e) => scrub(Number(e.target.value))}
      />
      {scrubEpoch === null ? (
        <span className="scrub__state">{t('scrub.live')}</span>
      ) : (
        <>
          <span className="scrub__state is-scrubbed">{t('scrub.showing', { epoch: formatEpoch(shownEpoch ?? scrubEpoch) })}</span>
          <button type="button" className="button button--small" onClick={() => scrub(null)}>
            {t('scrub.backToLive')}
          </button>
          {/* retrains this run to the epoch shown, so Step through shows exactly that pass */}
          <button type="button" className="button button--small" onClick={() => void inspectAt(shownEpoch ?? scrubEpoch)}>
            {t('scrub.inspect')}
          </button>
        </>
      )}
    </div>
  );
}

/** Four neurons a layer (the default net) still fit, heatmaps and all, with the other views on a 900 px high screen. */
function graphHeight(sizes: readonly number[]): number | undefined {
  return Math.max(...sizes) === 4 ? 420 : undefined;
}

// narrow or short (a 1280×720 laptop): the smaller plot keeps the cost curve in view
const NARROW = '(max-width: 1180px), (max-height: 860px)';

/** The boundary plot's side: smaller on narrow screens, so it stays beside the graph at 1024 px. */
let narrowQuery: MediaQueryList | null = null;
const narrowMedia = () => (narrowQuery ??= window.matchMedia(NARROW));
const subscribeNarrow = (onChange: () => void) => {
  narrowMedia().addEventListener('change', onChange);
  return () => narrowMedia().removeEventListener('change', onChange);
};

const useNarrow = () => useSyncExternalStore(subscribeNarrow, () => narrowMedia().matches);

function useBoundarySize(): number {
  return useNarrow() ? 250 : 300;
}
