/**
 * The computational graph figure: one neuron of the stepped pass expanded into scalar nodes, each
 * with its value and ∂C/∂node, for the stepper's sample (sample 1 while the stepper shows the batch).
 * D3 draws the edges' curves; React owns the SVG.
 */
import { linkHorizontal } from 'd3';
import { useId, useMemo, useState } from 'react';
import { formatNumber } from '../format';
import { neuronSymbol } from '../notation';
import { passSizes } from '../stepper/records';
import type { StepContext } from '../stepper/types';
import { LINE_HEIGHT, layoutCompGraph } from './layout';
import { type CompGraph, type CompNode, type NeuronChoice, buildCompGraph, compGraphProblem } from './model';
import './compgraph.css';
import { listText, t, useT } from '../../i18n/setup';

export interface ComputationalGraphProps {
  ctx: StepContext;
  /** the neuron to start on (the output's first neuron by default) */
  initial?: NeuronChoice;
}

const edgePath = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();

export function ComputationalGraph({ ctx, initial }: ComputationalGraphProps) {
  const t = useT();
  const sizes = passSizes(ctx.pass);
  const L = sizes.length - 1;
  const selectId = useId();
  const [picked, setPicked] = useState<NeuronChoice>(initial ?? { layer: L, j: 0 });
  // a choice the new network no longer has falls back to the first output
  const choice = picked.layer >= 1 && picked.layer <= L && picked.j < sizes[picked.layer] ? picked : { layer: L, j: 0 };
  const sample = ctx.sample === 'mean' ? 0 : ctx.sample;
  const problem = compGraphProblem(ctx, choice, sample);
  const graph = useMemo(() => (problem ? null : buildCompGraph(ctx, choice, sample)), [ctx, choice, sample, problem]);

  const neuronOptions = sizes.slice(1).flatMap((n, k) =>
    Array.from({ length: Math.min(n, 64) }, (_, j) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a neuron is its layer and its index j
      <option key={`${k + 1}:${j}`} value={`${k + 1}:${j}`}>
        {t('compgraph.neuronOption', { symbol: neuronSymbol(k + 1, j), output: k + 1 === L ? 'yes' : 'no' })}
      </option>
    )),
  );
  return (
    <figure className="bl-compgraph" aria-label={t('compgraph.title')}>
      <figcaption className="bl-compgraph__caption">
        <span className="bl-compgraph__title">{t('compgraph.title')}</span> <label htmlFor={selectId}>{t('compgraph.neuron')}</label>{' '}
        <select id={selectId} value={`${choice.layer}:${choice.j}`} onChange={(event) => setPicked(parseChoice(event.target.value))}>
          {neuronOptions}
        </select>{' '}
        <span>{t('compgraph.caption', { sample: sample + 1, mean: ctx.sample === 'mean' ? 'yes' : 'no' })}</span>
      </figcaption>
      {problem && <p className="bl-compgraph__problem">{problem}</p>}
      {graph && <GraphDrawing graph={graph} />}
    </figure>
  );
}

function parseChoice(value: string): NeuronChoice {
  const [layer, j] = value.split(':').map(Number);
  return { layer, j };
}

function GraphDrawing({ graph }: { graph: CompGraph }) {
  const t = useT();
  const layout = useMemo(() => layoutCompGraph(graph), [graph]);
  const more: string[] = [];
  if (graph.omittedInputs > 0) more.push(t('compgraph.moreInputs', { count: graph.omittedInputs }));
  if (graph.omittedDownstream > 0) more.push(t('compgraph.moreDownstream', { count: graph.omittedDownstream }));
  return (
    <>
      {/* a wide graph scrolls inside its own focusable box */}
      <div className="bl-compgraph__scroll" tabIndex={0} role="group" aria-label={t('compgraph.drawing')}>
        <svg
          className="bl-compgraph__svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={describe(graph)}
        >
          <g className="bl-compgraph__edges">
            {layout.edges.map((edge) => (
              <path key={`${edge.from}-${edge.to}`} d={edgePath({ source: [edge.x1, edge.y1], target: [edge.x2, edge.y2] }) ?? ''} />
            ))}
          </g>
          {graph.nodes.map((node) => {
            const box = layout.boxes.get(node.id);
            return box ? <NodeBox key={node.id} node={node} x={box.x} y={box.y} width={box.width} height={box.height} /> : null;
          })}
        </svg>
      </div>
      {more.length > 0 && <p className="bl-compgraph__more">{t('compgraph.notDrawn', { what: listText(more) })}</p>}
    </>
  );
}

function NodeBox({ node, x, y, width, height }: { node: CompNode; x: number; y: number; width: number; height: number }) {
  const lines = [
    t('compgraph.value', { value: formatNumber(node.value) }),
    node.grad === null ? t('compgraph.noGradient') : t('compgraph.grad', { grad: formatNumber(node.grad) }),
    ...node.notes,
  ];
  return (
    <g
      className={`bl-compgraph__node bl-compgraph__node--${node.kind}`}
      transform={`translate(${x},${y})`}
      data-node={node.id}
      data-value={String(node.value)}
      data-grad={node.grad === null ? undefined : String(node.grad)}
    >
      <rect width={width} height={height} rx={6} />
      <text x={8} y={7 + LINE_HEIGHT * 0.8} className="bl-compgraph__label">
        {node.label}
      </text>
      {lines.map((line, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a node's lines are fixed rows (value, gradient, note)
        <text key={k} x={8} y={7 + LINE_HEIGHT * (k + 1.8)} className={k === 1 ? 'bl-compgraph__grad' : k > 1 ? 'bl-compgraph__note' : undefined}>
          {line}
        </text>
      ))}
    </g>
  );
}

/** The graph in one sentence for screen readers: each node's value and gradient. */
function describe(graph: CompGraph): string {
  const parts = graph.nodes.map((node) =>
    t('compgraph.describeNode', {
      label: node.label,
      value: formatNumber(node.value),
      hasGrad: node.grad === null ? 'no' : 'yes',
      grad: node.grad === null ? '' : formatNumber(node.grad),
    }),
  );
  return t('compgraph.describe', { symbol: neuronSymbol(graph.layer, graph.j), sample: graph.sample + 1, parts: parts.join(t('saturation.separator')) });
}
