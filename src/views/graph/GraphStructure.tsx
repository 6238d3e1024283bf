/**
 * The graph's static SVG: one line per weight, one group per neuron (bias ring, body, value) and
 * the layer headings. Rendered only when the layout changes; colours are painted imperatively.
 */
import { memo } from 'react';
import type { ActivationName } from '../../engine';
import { itemName } from './details';
import type { GraphElementRegistry } from './graphElements';
import type { EdgePosition, GraphLayout } from './layout';
import { t, useT } from '../../i18n/setup';

export interface GraphStructureProps {
  layout: GraphLayout;
  activations: readonly ActivationName[];
  /** the weights that get a line: all of them, or in canvas mode only keyboard stops (invisible; the canvas draws the weights) */
  edges: readonly EdgePosition[];
  /** where each element is registered for the painter and the keyboard */
  elements: GraphElementRegistry;
}

/** Activation names that fit a column under 48 px wide (a deep network in a narrow panel). */
const TINY_ACTIVATION: Record<ActivationName, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', leakyRelu: 'leaky', linear: 'id' };

function activationLine(l: number, inputs: number, activation: ActivationName | undefined, gap: number): string {
  if (l === 0) return t(gap < 48 ? 'graph.inputsShort' : 'graph.inputs', { count: inputs });
  if (!activation) return '';
  if (gap < 48) return TINY_ACTIVATION[activation];
  // a function's name stays as written in both languages (docs/glossary.md); only 'linear' is a word
  return gap < 74 && activation === 'leakyRelu' ? 'leaky' : t('activation.name', { name: activation });
}

function layerTitle(l: number, L: number, narrow: boolean): string {
  if (l === 0) return t(narrow ? 'graph.layer.inputShort' : 'graph.layer.input');
  if (l === L) return t(narrow ? 'graph.layer.outputShort' : 'graph.layer.output');
  return t(narrow ? 'graph.layer.hiddenShort' : 'graph.layer.hidden', { layer: l });
}

export const GraphStructure = memo(function GraphStructure({ layout, activations, edges, elements }: GraphStructureProps) {
  // a switch of language renders the headings and names again
  useT();
  const proxies = layout.edgeMode === 'canvas';
  const L = layout.sizes.length - 1;
  const gap = L > 0 ? layout.columns[1] - layout.columns[0] : layout.width;
  const narrow = gap < 74;
  const { radius, ring } = layout;
  return (
    <>
      <g className="bl-graph__headings" aria-hidden="true">
        {layout.columns.map((x, l) => (
          <text key={x} x={x} y={14} textAnchor="middle">
            <tspan className="bl-graph__heading">{layerTitle(l, L, narrow)}</tspan>
            <tspan x={x} dy={13} className="bl-graph__activation">
              {activationLine(l, layout.sizes[0], activations[l - 1], gap)}
            </tspan>
          </text>
        ))}
      </g>
      <g className={proxies ? 'bl-graph__edges bl-graph__edges--proxies' : 'bl-graph__edges'}>
        {edges.map((e) => (
          <line
            key={e.index}
            ref={elements.item({ kind: 'weight', layer: e.layer, j: e.j, i: e.i }, e.index)}
            data-edge={e.index}
            x1={e.x1}
            y1={e.y1}
            x2={e.x2}
            y2={e.y2}
            stroke={proxies ? 'transparent' : '#d9d6d0'}
            tabIndex={-1}
            role="button"
            aria-label={itemName({ kind: 'weight', layer: e.layer, j: e.j, i: e.i })}
          />
        ))}
      </g>
      <g className="bl-graph__nodes">
        {layout.nodes.map((column, l) =>
          column.map((node) => (
            // the bias ring is the node's sibling, not its child: a button inside a button is not allowed
            <g key={`${node.layer}:${node.j}`} transform={`translate(${node.x},${node.y})`}>
              {l > 0 && (
                <circle
                  ref={elements.item({ kind: 'bias', layer: l, j: node.j })}
                  className="bl-graph__bias"
                  data-bias={`${l}:${node.j}`}
                  r={radius + ring / 2 + 0.5}
                  strokeWidth={ring}
                  fill="none"
                  stroke="#d9d6d0"
                  tabIndex={-1}
                  role="button"
                  aria-label={itemName({ kind: 'bias', layer: l, j: node.j })}
                />
              )}
              <g
                ref={elements.item({ kind: 'neuron', layer: l, j: node.j })}
                className={l === 0 ? 'bl-graph__node bl-graph__node--input' : 'bl-graph__node'}
                data-node={`${l}:${node.j}`}
                tabIndex={-1}
                role="button"
                aria-label={itemName({ kind: 'neuron', layer: l, j: node.j })}
              >
                <circle ref={elements.part('body', l, node.j)} className="bl-graph__body" r={radius} fill="#ffffff" />
              </g>
              {/* outside the button, whose name is the neuron's; the tooltip it describes gives the value */}
              {layout.showValues && (
                <text
                  ref={elements.part('value', l, node.j)}
                  className="bl-graph__value"
                  data-node-value={`${l}:${node.j}`}
                  aria-hidden="true"
                  pointerEvents="none"
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={Math.max(12, Math.min(13, radius * 0.6))}
                />
              )}
            </g>
          )),
        )}
      </g>
    </>
  );
});
