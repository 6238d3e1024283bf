/**
 * The network graph: neurons and weights from the engine's snapshot. Edge colour and width by
 * weight, neuron fill by activation of the selected sample (or the batch mean), a ring per neuron
 * for its bias, a heatmap per neuron of its own output over the input plane, and a tooltip on hover
 * or keyboard focus with the PassRecord's numbers. React renders the structure once per shape;
 * the colours are painted imperatively, at most once per frame.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BoundaryGrids, Network, PassRecord } from '../../engine';
import { frameThrottle } from '../canvas';
import { Caption } from '../Caption';
import { ColorLegend } from '../ColorLegend';
import { formatNumber } from '../format';
import { interpolateWeight } from '../palette';
import { useElementWidth } from '../useElementWidth';
import { useShallowStable } from '../useShallowStable';
import { biasIndexOf, describeItem, weightIndexOf } from './details';
import { shownEdgesNote } from './edgeCanvas';
import { GraphStructure } from './GraphStructure';
import { GraphTooltip, type TooltipAnchor } from './GraphTooltip';
import { nextItem } from './keyboard';
import { type EdgePosition, GRAPH_MARGIN, type GraphItem, type GraphLayout, THUMB_GAP, computeLayout, hitTest, sameItem } from './layout';
import { type GraphElements, paintGraph } from './paintGraph';
import { SampleSelector } from './SampleSelector';
import { type SampleSelection, maxAbsWeight } from './values';
import '../views.css';
import './graph.css';

export type { SampleSelection } from './values';

export interface GraphHighlight {
  neurons?: Array<[layer: number, j: number]>;
  /** indices into params */
  params?: number[];
}

export interface NetworkGraphProps {
  network: Network;
  pass: PassRecord | null;
  grids: BoundaryGrids | null;
  sample: SampleSelection;
  onSampleChange?(sample: SampleSelection): void;
  highlight?: GraphHighlight;
  /** overrides the colour of a weight or bias, e.g. by gradient-check error */
  paramColor?: (index: number) => string | undefined;
  onParamClick?(index: number): void;
  width?: number;
  height?: number;
}

/** Tall enough for a thumbnail under each neuron while the widest layer has up to 6; compact beyond. */
function defaultHeight(sizes: readonly number[]): number {
  const widest = Math.max(...sizes);
  const slot = widest <= 6 ? 104 : 36;
  return Math.round(Math.max(300, Math.min(640, widest * slot + GRAPH_MARGIN.top + GRAPH_MARGIN.bottom)));
}

function itemIndex(network: Network, item: GraphItem): number {
  if (item.kind === 'weight') return weightIndexOf(network, item.layer, item.j, item.i);
  if (item.kind === 'bias') return biasIndexOf(network, item.layer, item.j);
  return -1;
}

function collectElements(svg: SVGSVGElement, thumbs: HTMLElement | null, edgeCanvas: HTMLCanvasElement | null, layout: GraphLayout): GraphElements {
  // in canvas mode the few lines are keyboard stops, not painted
  const edges = layout.edgeMode === 'svg' ? Array.from(svg.querySelectorAll<SVGLineElement>('line[data-edge]')) : [];
  const perNeuron = <T,>(find: (l: number, j: number) => T | null) => layout.nodes.map((column, l) => column.map((n) => find(l, n.j)));
  const node = (l: number, j: number) => svg.querySelector<SVGGElement>(`[data-node="${l}:${j}"]`);
  return {
    edges,
    edgeCanvas,
    bodies: perNeuron((l, j) => node(l, j)?.querySelector<SVGCircleElement>('.bl-graph__body') ?? null) as SVGCircleElement[][],
    rings: perNeuron((l, j) => svg.querySelector<SVGCircleElement>(`[data-bias="${l}:${j}"]`)),
    values: perNeuron((l, j) => svg.querySelector<SVGTextElement>(`[data-node-value="${l}:${j}"]`)),
    thumbs: perNeuron((l, j) => thumbs?.querySelector<HTMLCanvasElement>(`[data-thumb="${l}:${j}"]`) ?? null),
  };
}

/**
 * The weights that get an SVG line: every one, or in canvas mode only the incoming weights of the
 * item the keyboard is on (so Enter can step into them); W^l[j][·] sit together in layout.edges.
 */
function lineEdges(layout: GraphLayout, layer: number, j: number): readonly EdgePosition[] {
  if (layout.edgeMode === 'svg') return layout.edges;
  if (layer < 1) return [];
  let start = 0;
  for (let l = 1; l < layer; l++) start += layout.sizes[l] * layout.sizes[l - 1];
  const nIn = layout.sizes[layer - 1];
  return layout.edges.slice(start + j * nIn, start + (j + 1) * nIn);
}

/** The DOM element that stands for an item (for keyboard focus). */
function elementOf(svg: SVGSVGElement, layout: GraphLayout, item: GraphItem): SVGElement | null {
  if (item.kind === 'neuron') return svg.querySelector(`[data-node="${item.layer}:${item.j}"]`);
  if (item.kind === 'bias') return svg.querySelector(`[data-bias="${item.layer}:${item.j}"]`);
  const nIn = layout.sizes[item.layer - 1];
  const edge = layout.edges.find((e) => e.layer === item.layer && e.j === item.j && e.i === item.i);
  return edge && nIn > 0 ? svg.querySelector(`[data-edge="${edge.index}"]`) : null;
}

/** Where the tooltip of an item points, in SVG pixels. */
function anchorOf(layout: GraphLayout, item: GraphItem): TooltipAnchor {
  if (item.kind === 'weight') {
    const e = layout.edges.find((d) => d.layer === item.layer && d.j === item.j && d.i === item.i);
    return e ? { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2, clearance: 6 } : { x: 0, y: 0, clearance: 0 };
  }
  const n = layout.nodes[item.layer][item.j];
  return { x: n.x, y: n.y, clearance: layout.radius + layout.ring + 2 };
}

export function NetworkGraph({
  network,
  pass,
  grids,
  sample,
  onSampleChange,
  highlight,
  paramColor,
  onParamClick,
  width: widthProp,
  height: heightProp,
}: NetworkGraphProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const thumbsRef = useRef<HTMLDivElement>(null);
  const edgeCanvasRef = useRef<HTMLCanvasElement>(null);
  const measured = useElementWidth(containerRef, 640);
  const width = widthProp ?? measured;
  // a new snapshot brings a new sizes array of the same shape: the layout follows the shape, not the array
  const sizes = useShallowStable(network.sizes);
  const height = heightProp ?? defaultHeight(sizes);
  const layout = useMemo(() => computeLayout(sizes, width, height), [sizes, width, height]);
  const [hovered, setHovered] = useState<GraphItem | null>(null);
  const [focused, setFocused] = useState<GraphItem | null>(null);
  const [active, setActive] = useState<GraphItem>({ kind: 'neuron', layer: 0, j: 0 });
  const tooltipId = useId();

  // keep the active item inside the current shape
  const activeItem: GraphItem =
    active.layer < network.sizes.length && active.j < network.sizes[active.layer] && (active.kind !== 'weight' || active.i < network.sizes[active.layer - 1])
      ? active
      : { kind: 'neuron', layer: 0, j: 0 };

  // every snapshot brings a new activations array: keep the structure's props equal so it does not re-render
  const activations = useShallowStable(network.activations);
  const { layer: activeLayer, j: activeJ } = activeItem;
  const edgeLines = useMemo(() => lineEdges(layout, activeLayer, activeJ), [layout, activeLayer, activeJ]);
  const edgesNote = shownEdgesNote(layout);

  const highlightedParams = useMemo(() => new Set(highlight?.params ?? []), [highlight?.params]);
  const highlightedNeurons = highlight?.neurons ?? [];

  const latest = useRef({ layout, network, pass, grids, sample, paramColor, highlightedParams });
  const elementsRef = useRef<{ layout: GraphLayout; elements: GraphElements } | null>(null);
  const throttle = useMemo(
    () =>
      frameThrottle(() => {
        const svg = svgRef.current;
        if (!svg) return;
        const input = latest.current;
        if (elementsRef.current?.layout !== input.layout)
          elementsRef.current = { layout: input.layout, elements: collectElements(svg, thumbsRef.current, edgeCanvasRef.current, input.layout) };
        paintGraph(elementsRef.current.elements, input);
      }),
    [],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);
  useEffect(() => {
    latest.current = { layout, network, pass, grids, sample, paramColor, highlightedParams };
    throttle.request();
  }, [throttle, layout, network, pass, grids, sample, paramColor, highlightedParams]);

  // roving tab stop: exactly one item of the graph is in the tab order
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    for (const el of svg.querySelectorAll('[tabindex="0"]')) {
      el.setAttribute('tabindex', '-1');
      el.removeAttribute('aria-describedby');
    }
    const el = elementOf(svg, layout, activeItem);
    el?.setAttribute('tabindex', '0');
    el?.setAttribute('aria-describedby', tooltipId);
  });

  const moveTo = (item: GraphItem) => {
    setActive(item);
    const svg = svgRef.current;
    if (!svg) return;
    const el = elementOf(svg, layout, item);
    if (el) {
      for (const other of svg.querySelectorAll('[tabindex="0"]')) other.setAttribute('tabindex', '-1');
      el.setAttribute('tabindex', '0');
      el.focus();
    }
  };

  const itemFromTarget = (target: EventTarget | null): GraphItem | null => {
    const el = target as Element | null;
    if (!el || typeof el.closest !== 'function') return null;
    const edge = el.closest('[data-edge]');
    if (edge) {
      const index = Number(edge.getAttribute('data-edge'));
      const e = layout.edges.find((d) => d.index === index);
      return e ? { kind: 'weight', layer: e.layer, j: e.j, i: e.i } : null;
    }
    const bias = el.closest('[data-bias]');
    if (bias) {
      const [l, j] = (bias.getAttribute('data-bias') ?? '').split(':').map(Number);
      return { kind: 'bias', layer: l, j };
    }
    const node = el.closest('[data-node]');
    if (node) {
      const [l, j] = (node.getAttribute('data-node') ?? '').split(':').map(Number);
      return { kind: 'neuron', layer: l, j };
    }
    return null;
  };

  const pointerItem = (event: { clientX: number; clientY: number }): GraphItem | null => {
    const svg = svgRef.current;
    if (!svg) return null;
    const rect = svg.getBoundingClientRect();
    return hitTest(layout, event.clientX - rect.left, event.clientY - rect.top);
  };

  const shown = focused ?? hovered;
  const details = shown ? describeItem(shown, network, pass, sample, formatNumber) : null;
  const anchor = shown ? anchorOf(layout, shown) : { x: 0, y: 0, clearance: 0 };
  const shownIndex = shown ? itemIndex(network, shown) : -1;
  const maxAbs = maxAbsWeight(network);

  return (
    <figure className="bl-view bl-graph" aria-label="Network graph">
      <div className="bl-graph__bar">
        <SampleSelector pass={pass} sample={sample} onSampleChange={onSampleChange} />
        <ColorLegend low={-maxAbs} high={maxAbs} title="w" interpolate={interpolateWeight} />
        {edgesNote && <p className="bl-graph__edges-note">{edgesNote}</p>}
      </div>
      <div className="bl-graph__canvas" ref={containerRef} style={{ height }}>
        {layout.edgeMode === 'canvas' && <canvas ref={edgeCanvasRef} className="bl-graph__edge-canvas" aria-hidden="true" />}
        <svg
          ref={svgRef}
          width={width}
          height={height}
          role="group"
          aria-label={`Neurons and weights of a ${network.sizes.join('-')} network. Arrow keys move between neurons; Enter lists a neuron's incoming weights and bias; Escape goes back.`}
          onPointerMove={(event) => {
            const item = pointerItem(event);
            if (!sameItem(item, hovered)) setHovered(item);
          }}
          onPointerLeave={() => setHovered(null)}
          onClick={(event) => {
            const item = pointerItem(event) ?? itemFromTarget(event.target);
            if (!item) return;
            setActive(item);
            const index = itemIndex(network, item);
            if (index >= 0) onParamClick?.(index);
          }}
          onFocus={(event) => {
            const item = itemFromTarget(event.target);
            if (item) {
              setFocused(item);
              setActive(item);
            }
          }}
          onBlur={() => setFocused(null)}
          onKeyDown={(event) => {
            if ((event.key === 'Enter' || event.key === ' ') && activeItem.kind !== 'neuron') {
              onParamClick?.(itemIndex(network, activeItem));
              event.preventDefault();
              return;
            }
            const next = nextItem(activeItem, event.key, network.sizes);
            if (!next) return;
            event.preventDefault();
            moveTo(next);
          }}
        >
          {/* weight highlights under the neurons, rings around them: every number on a disc stays readable */}
          <GraphOverlay
            part="edges"
            layout={layout}
            shown={shown}
            highlightedParams={highlightedParams}
            highlightedNeurons={highlightedNeurons}
            shownIndex={shownIndex}
          />
          <GraphStructure layout={layout} activations={activations} edges={edgeLines} />
          <GraphOverlay
            part="rings"
            layout={layout}
            shown={shown}
            highlightedParams={highlightedParams}
            highlightedNeurons={highlightedNeurons}
            shownIndex={shownIndex}
          />
        </svg>
        {layout.thumb > 0 && (
          <div className="bl-graph__thumbs" ref={thumbsRef} aria-hidden="true">
            {layout.nodes.map((column) =>
              column.map((n) => (
                <canvas
                  key={`${n.layer}:${n.j}`}
                  data-thumb={`${n.layer}:${n.j}`}
                  style={{ left: n.x - layout.thumb / 2, top: n.y + layout.radius + layout.ring + THUMB_GAP, width: layout.thumb, height: layout.thumb }}
                />
              )),
            )}
          </div>
        )}
        <GraphTooltip details={details} anchor={anchor} bounds={{ width, height }} id={tooltipId} />
      </div>
      <Caption>
        Lines are weights (blue positive, orange negative, width by size
        {edgesNote ? '; only each layer\u2019s strongest are drawn, hover anywhere for any weight' : ''}), discs are neurons filled by their activation
        {sample === 'mean' ? ' averaged over the batch' : ` for sample ${typeof sample === 'number' ? sample + 1 : ''}`}, rings are biases
        {layout.thumb > 0 ? ', and the squares show each neuron\u2019s output over the input plane' : ''}. Hover or focus any of them for its value, δ and
        gradient.
      </Caption>
    </figure>
  );
}

interface GraphOverlayProps {
  /** edges: the weight highlights, drawn before the neurons; rings: the marks around neurons, after them */
  part: 'edges' | 'rings';
  layout: GraphLayout;
  shown: GraphItem | null;
  shownIndex: number;
  highlightedParams: ReadonlySet<number>;
  highlightedNeurons: ReadonlyArray<[number, number]>;
}

/** Highlights (from the step-through) and the hover/focus marker; rings have no fill, so they never cover a value. */
function GraphOverlay({ part, layout, shown, highlightedParams, highlightedNeurons }: GraphOverlayProps) {
  const edges = highlightedParams.size > 0 ? layout.edges.filter((e) => highlightedParams.has(e.index)) : [];
  const biasRings = highlightedParams.size > 0 ? layout.nodes.flat().filter((n) => n.biasIndex >= 0 && highlightedParams.has(n.biasIndex)) : [];
  const shownEdge = shown?.kind === 'weight' ? layout.edges.find((e) => e.layer === shown.layer && e.j === shown.j && e.i === shown.i) : undefined;
  const shownNode = shown && shown.kind !== 'weight' ? layout.nodes[shown.layer]?.[shown.j] : undefined;
  // many highlights at once (a whole layer of a big network): thinner marks, so they do not merge into a block
  const dense = edges.length + highlightedNeurons.length > 40;
  const outer = layout.radius + layout.ring + (dense ? 1 : 3);
  const className = dense ? 'bl-graph__overlay bl-graph__overlay--dense' : 'bl-graph__overlay';
  // a halo wider than the widest weight line, which is drawn over it
  const halo = { strokeWidth: layout.maxEdgeWidth + (dense ? 2 : 5) };
  if (part === 'edges')
    return (
      <g className={className} aria-hidden="true" pointerEvents="none">
        {edges.map((e) => (
          <line key={e.index} className="bl-graph__hl-edge" style={halo} x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} />
        ))}
        {shownEdge && (
          <line
            className="bl-graph__marker-edge"
            style={{ strokeWidth: layout.maxEdgeWidth + 6 }}
            x1={shownEdge.x1}
            y1={shownEdge.y1}
            x2={shownEdge.x2}
            y2={shownEdge.y2}
          />
        )}
      </g>
    );
  return (
    <g className={className} aria-hidden="true" pointerEvents="none">
      {biasRings.map((n) => (
        <circle key={`b${n.layer}:${n.j}`} className="bl-graph__hl-ring" cx={n.x} cy={n.y} r={layout.radius + layout.ring / 2 + 0.5} />
      ))}
      {highlightedNeurons.map(([l, j]) => {
        const n = layout.nodes[l]?.[j];
        return n ? <circle key={`n${l}:${j}`} className="bl-graph__hl-node" cx={n.x} cy={n.y} r={outer} /> : null;
      })}
      {shownNode && (
        <circle className="bl-graph__marker-node" cx={shownNode.x} cy={shownNode.y} r={shown?.kind === 'bias' ? layout.radius + layout.ring + 2 : outer + 1} />
      )}
    </g>
  );
}
