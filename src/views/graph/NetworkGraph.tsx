/**
 * The network graph: neurons and weights from the engine's snapshot. Edge colour and width by
 * weight, neuron fill by activation of the selected sample (or the batch mean), a ring per neuron
 * for its bias, a heatmap per neuron of its own output over the input plane, and a tooltip on hover
 * or keyboard focus with the PassRecord's numbers. React renders the structure once per shape and
 * registers its elements by ref; a painter made in an effect colours them, at most once per frame.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BoundaryGrids, Network, PassRecord, SampleSelection } from '../../engine';
import { Caption } from '../Caption';
import { ColorLegend } from '../ColorLegend';
import { formatNumber } from '../format';
import { interpolateWeight } from '../palette';
import { useElementWidth } from '../useElementWidth';
import { useShallowStable } from '../useShallowStable';
import { describeItem, paramIndexOf } from './details';
import { shownEdgesNote } from './edgeCanvas';
import { createGraphElements } from './graphElements';
import { type GraphPainter, createGraphPainter } from './graphPainter';
import { GraphOverlay } from './GraphOverlay';
import { GraphStructure } from './GraphStructure';
import { GraphTooltip } from './GraphTooltip';
import { type GraphItem, THUMB_GAP, anchorOf, computeLayout, defaultHeight, hitTest, lineEdges, sameItem } from './layout';
import { SampleSelector } from './SampleSelector';
import { useGraphKeyboard } from './useGraphKeyboard';
import { maxAbsWeight } from './values';
import '../views.css';
import './graph.css';
import { useT } from '../../i18n/setup';

export type { SampleSelection } from '../../engine';

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
  const measured = useElementWidth(containerRef, 640);
  const width = widthProp ?? measured;
  // a new snapshot brings a new sizes array of the same shape: the layout follows the shape, not the array
  const sizes = useShallowStable(network.sizes);
  const height = heightProp ?? defaultHeight(sizes);
  const layout = useMemo(() => computeLayout(sizes, width, height), [sizes, width, height]);
  const [elements] = useState(createGraphElements);
  const [painter, setPainter] = useState<GraphPainter | null>(null);
  const [hovered, setHovered] = useState<GraphItem | null>(null);
  const tooltipId = useId();
  const t = useT();
  const choose = (item: GraphItem) => {
    const index = paramIndexOf(network, item);
    if (index >= 0) onParamClick?.(index);
  };
  const keyboard = useGraphKeyboard(elements, sizes, tooltipId, choose);

  // every snapshot brings a new activations array: keep the structure's props equal so it does not re-render
  const activations = useShallowStable(network.activations);
  const { layer: activeLayer, j: activeJ } = keyboard.active;
  const edgeLines = useMemo(() => lineEdges(layout, activeLayer, activeJ), [layout, activeLayer, activeJ]);
  const edgesNote = shownEdgesNote(layout);

  const highlightedParams = useMemo(() => new Set(highlight?.params ?? []), [highlight?.params]);
  const highlightedNeurons = highlight?.neurons ?? [];

  useEffect(() => {
    const made = createGraphPainter(elements);
    setPainter(made);
    return () => made.destroy();
  }, [elements]);
  useEffect(() => {
    painter?.paint({ layout, network, pass, grids, sample, paramColor, highlightedParams });
  }, [painter, layout, network, pass, grids, sample, paramColor, highlightedParams]);

  /** The one hit test: what the pointer is on, by geometry (hairlines included). */
  const itemAt = (event: { clientX: number; clientY: number }): GraphItem | null => {
    const rect = svgRef.current?.getBoundingClientRect();
    return rect ? hitTest(layout, event.clientX - rect.left, event.clientY - rect.top) : null;
  };

  const shown = keyboard.focused ?? hovered;
  const details = shown ? describeItem(shown, network, pass, sample, formatNumber) : null;
  const anchor = shown ? anchorOf(layout, shown) : { x: 0, y: 0, clearance: 0 };
  const maxAbs = maxAbsWeight(network);

  return (
    <figure className="bl-view bl-graph" aria-label={t('graph.figure')}>
      <div className="bl-graph__bar">
        <SampleSelector pass={pass} sample={sample} onSampleChange={onSampleChange} />
        {/* under a gradient check the edges show relative error, whose legend is the check's own */}
        {!paramColor && <ColorLegend low={-maxAbs} high={maxAbs} title="w" interpolate={interpolateWeight} />}
        {edgesNote && <p className="bl-graph__edges-note">{edgesNote}</p>}
      </div>
      <div className="bl-graph__canvas" ref={containerRef} style={{ height }}>
        {layout.edgeMode === 'canvas' && <canvas ref={elements.edgeCanvas} className="bl-graph__edge-canvas" aria-hidden="true" />}
        <svg
          ref={svgRef}
          width={width}
          height={height}
          role="group"
          aria-label={t('graph.keys', { shape: network.sizes.join('-') })}
          onPointerMove={(event) => {
            const item = itemAt(event);
            if (!sameItem(item, hovered)) setHovered(item);
          }}
          onPointerLeave={() => setHovered(null)}
          onClick={(event) => {
            // a click with no position on anything (a script's, a keyboard's) is the target's item
            const item = itemAt(event) ?? elements.itemOf(event.target);
            if (!item) return;
            keyboard.setActive(item);
            choose(item);
          }}
          onFocus={keyboard.onFocus}
          onBlur={keyboard.onBlur}
          onKeyDown={keyboard.onKeyDown}
        >
          {/* weight highlights under the neurons, rings around them: every number on a disc stays readable */}
          <GraphOverlay part="edges" layout={layout} shown={shown} highlightedParams={highlightedParams} highlightedNeurons={highlightedNeurons} />
          <GraphStructure layout={layout} activations={activations} edges={edgeLines} elements={elements} />
          <GraphOverlay part="rings" layout={layout} shown={shown} highlightedParams={highlightedParams} highlightedNeurons={highlightedNeurons} />
        </svg>
        {layout.thumb > 0 && (
          <div className="bl-graph__thumbs" aria-hidden="true">
            {layout.nodes.map((column) =>
              column.map((n) => (
                <canvas
                  key={`${n.layer}:${n.j}`}
                  ref={elements.part('thumb', n.layer, n.j)}
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
        {t('graph.caption', {
          edges: edgesNote ? 'some' : 'all',
          sample: sample === 'mean' ? 'mean' : sample + 1,
          thumbs: layout.thumb > 0 ? 'shown' : 'none',
        })}
      </Caption>
    </figure>
  );
}
