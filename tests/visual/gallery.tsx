/**
 * Dev-only gallery of the three views with real engine data (not part of the production build):
 * npx vite --port 5182 --strictPort, then open /tests/visual/gallery.html.
 * Sections carry ids so screenshots can target them; timings land in window.__viewTimings.
 */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CATALOG_GROUPS, type CatalogGroup } from '../../src/i18n/catalogs/groups';
import { loadCatalogGroup, switchLanguage } from '../../src/i18n/setup';
import { questionConfig } from '../../src/engine';
import { DecisionBoundary } from '../../src/views/boundary/DecisionBoundary';
import { type CostSeries, type CostSource, CostCurve } from '../../src/views/costCurve/CostCurve';
import { NetworkGraph, type SampleSelection } from '../../src/views/graph/NetworkGraph';
import { OKABE_ITO } from '../../src/views/palette';
import { measureViews } from './galleryBench';
import { type Snapshot, circleConfig, longHistory, once, spiralConfig, trainedSnapshot, xorConfig } from './galleryData';

const MILLION = 1_000_000;
const params = new URLSearchParams(location.search);
const only = params.get('only');

function staticSource(series: CostSeries[], currentEpoch: number): CostSource {
  return { get: () => ({ series, currentEpoch }), subscribe: () => () => {} };
}

/** Streams a precomputed history in chunks, like the worker's cost batches. */
function growingSource(costs: Float64Array, perFrame: number): CostSource {
  const listeners = new Set<() => void>();
  const series: CostSeries[] = [{ id: 'live', label: 'Live run', costs, length: 0 }];
  const tick = () => {
    series[0] = { ...series[0], length: Math.min(costs.length, series[0].length + perFrame) };
    for (const l of listeners) l();
    if (series[0].length < costs.length) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    get: () => ({ series, currentEpoch: series[0].length }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function GraphCard({
  snap,
  title,
  width,
  height,
  initialSample = 0,
  showBoundary = true,
}: {
  snap: Snapshot;
  title?: string;
  width?: number;
  height?: number;
  initialSample?: SampleSelection;
  showBoundary?: boolean;
}) {
  const [sample, setSample] = useState<SampleSelection>(initialSample);
  const [rounded, setRounded] = useState(false);
  return (
    <div className="card">
      {title && <p className="note">{title}</p>}
      <div className="row">
        <div style={{ width: width ?? 560 }}>
          <NetworkGraph
            network={snap.network}
            pass={snap.pass}
            grids={snap.grids}
            sample={sample}
            onSampleChange={setSample}
            width={width ?? 560}
            height={height}
            onParamClick={(i) => console.info('param', i)}
          />
        </div>
        {showBoundary && (
          <DecisionBoundary grids={snap.grids} data={snap.data} outputs={snap.outputs} rounded={rounded} onRoundedChange={setRounded} size={260} />
        )}
      </div>
    </div>
  );
}

function Gallery() {
  const show = (id: string) => !only || only === id;
  return (
    <main>
      <h1>Views gallery</h1>
      <p className="note">
        Engine data: XOR [2,2,1] (3,000 epochs), OR [2,1], circle [2,6,4,1] ReLU, spiral [2,16×8,1] tanh, and two 1,000,000-epoch histories of the question’s
        XOR net.
      </p>
      <GraphSections show={show} />
      {show('boundary') && <BoundarySection />}
      {only === 'docs-cost' && <DocsCost />}
      {show('cost') && <CostSection />}
      {show('bench') && (
        <section id="bench">
          <h2>Timings (performance.now)</h2>
          <BenchPanel />
        </section>
      )}
    </main>
  );
}

const xorData = () => once('xor', () => trainedSnapshot(xorConfig, 3000));
const historyData = () =>
  once('history', () => ({
    buggy: longHistory(questionConfig('XOR'), MILLION),
    correct: longHistory({ ...questionConfig('XOR'), derivative: 'correct' }, MILLION),
  }));

function GraphSections({ show }: { show: (id: string) => boolean }) {
  const highlightParams = useMemo(() => [0, 1, 4], []);
  return (
    <>
      {show('graph-xor') && (
        <section id="graph-xor">
          <h2>Network graph · XOR [2,2,1], trained</h2>
          <GraphCard snap={xorData()} title="Sample 1 selected; hover or Tab into the graph." />
        </section>
      )}
      {only === 'docs-views' && (
        <section id="docs-views" style={{ display: 'inline-block' }}>
          <GraphCard snap={xorData()} />
        </section>
      )}
      {show('graph-xor-mean') && (
        <section id="graph-xor-mean">
          <h2>Network graph · XOR after 40 epochs, batch mean</h2>
          <GraphCard snap={once('xorEarly', () => trainedSnapshot(xorConfig, 40))} title="Mean selected." initialSample="mean" />
        </section>
      )}
      {show('graph-tiny') && (
        <section id="graph-tiny">
          <h2>Network graph · OR [2,1]</h2>
          <GraphCard
            snap={once('tiny', () => trainedSnapshot({ ...xorConfig, dataset: 'OR', hidden: [] }, 500))}
            title="The smallest network."
            width={380}
            height={260}
          />
        </section>
      )}
      {show('graph-highlight') && (
        <section id="graph-highlight">
          <h2>Network graph · highlight and paramColor</h2>
          <div className="card" style={{ width: 560 }}>
            <NetworkGraph
              network={xorData().network}
              pass={xorData().pass}
              grids={xorData().grids}
              sample={2}
              highlight={{ neurons: [[1, 0]], params: highlightParams }}
              paramColor={(i) => (i === 4 ? OKABE_ITO.reddishPurple : undefined)}
            />
          </div>
        </section>
      )}
      {show('graph-spiral') && (
        <section id="graph-spiral">
          <h2>Network graph · spiral, 8 hidden layers of 16, tanh</h2>
          <GraphCard
            snap={spiralData()}
            title="Thumbnails hide when nodes get small; the tooltip still shows every number."
            width={980}
            height={600}
            showBoundary={false}
          />
        </section>
      )}
    </>
  );
}

const spiralData = () => once('spiral', () => trainedSnapshot(spiralConfig, 300));

function BoundarySection() {
  const xor = xorData();
  const circle = once('circle', () => trainedSnapshot(circleConfig, 400));
  const spiral = spiralData();
  const [rounded, setRounded] = useState(true);
  return (
    <section id="boundary">
      <h2>Decision boundary</h2>
      <div className="row">
        <div className="card">
          <DecisionBoundary grids={xor.grids} data={xor.data} outputs={xor.outputs} rounded={false} onRoundedChange={() => {}} label="Decision boundary XOR" />
        </div>
        <div className="card">
          <DecisionBoundary
            grids={xor.grids}
            data={xor.data}
            outputs={xor.outputs}
            rounded={rounded}
            onRoundedChange={setRounded}
            label="Decision boundary XOR rounded"
          />
        </div>
        <div className="card">
          <DecisionBoundary grids={circle.grids} data={circle.data} rounded={false} onRoundedChange={() => {}} label="Decision boundary circle" />
        </div>
        <div className="card">
          <DecisionBoundary grids={spiral.grids} data={spiral.data} rounded={false} onRoundedChange={() => {}} label="Decision boundary spiral" />
        </div>
        <div className="card">
          <DecisionBoundary grids={null} data={xor.data} rounded={false} label="Decision boundary empty" />
        </div>
      </div>
    </section>
  );
}

function CostSection() {
  const history = historyData();
  const [scale, setScale] = useState<'linear' | 'log'>('log');
  const twin = useMemo(
    () =>
      staticSource(
        [
          { id: 'buggy', label: 'Buggy f′(a)', costs: history.buggy, length: MILLION },
          { id: 'correct', label: 'Correct f′(z)', costs: history.correct, length: MILLION },
        ],
        600_000,
      ),
    [history],
  );
  const diverged = useMemo(() => {
    const costs = new Float64Array(5000);
    costs.set(history.correct.subarray(0, 3000));
    costs.fill(Infinity, 3000, 3400);
    costs.fill(NaN, 3400);
    return staticSource([{ id: 'd', label: 'Diverged at epoch 3,001 (illustrative tail)', costs, length: 5000, color: OKABE_ITO.vermillion }], 2000);
  }, [history]);
  const live = useMemo(() => growingSource(history.correct, 4000), [history]);
  return (
    <section id="cost">
      <h2>Cost curve · 1,000,000 epochs × 2 series (question’s XOR net, buggy vs correct derivative)</h2>
      <div className="card" style={{ width: 900 }}>
        <CostCurve source={twin} scale={scale} onScaleChange={setScale} onPickEpoch={(e) => console.info('pick', e)} />
      </div>
      <div className="row" style={{ marginTop: 16 }}>
        <div className="card" style={{ width: 520 }}>
          <CostCurve source={live} height={180} label="Cost curve live" />
        </div>
        <div className="card" style={{ width: 520 }}>
          <CostCurve source={diverged} height={180} label="Cost curve diverged" />
        </div>
      </div>
    </section>
  );
}

function DocsCost() {
  const history = historyData();
  const source = useMemo(
    () =>
      staticSource(
        [
          { id: 'buggy', label: 'Buggy δ: f′(a)', costs: history.buggy, length: MILLION },
          { id: 'correct', label: 'Correct δ: f′(z)', costs: history.correct, length: MILLION },
        ],
        60_000,
      ),
    [history],
  );
  return (
    <section id="docs-cost" style={{ display: 'inline-block' }}>
      <div className="card" style={{ width: 860 }}>
        <CostCurve source={source} scale="log" onScaleChange={() => {}} height={230} />
      </div>
    </section>
  );
}

function BenchPanel() {
  const [text, setText] = useState('measuring…');
  useEffect(() => {
    setTimeout(() => {
      const result = measureViews(historyData().correct, xorData().grids, spiralData());
      (window as unknown as { __viewTimings: unknown }).__viewTimings = result;
      setText(JSON.stringify(result, null, 2));
    }, 300);
  }, []);
  return (
    <div id="bench-text" className="card">
      {text}
    </div>
  );
}

// the page's components speak through the catalogs: English here, as on the page by default
for (const group of Object.keys(CATALOG_GROUPS) as CatalogGroup[]) await loadCatalogGroup(group);
await switchLanguage('en');
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Gallery />
    </StrictMode>,
  );
