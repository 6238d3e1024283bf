/**
 * The marks over the graph's structure: the step-through's highlights and the hover/focus marker.
 * Weight highlights go under the neurons, rings around them after, so every number on a disc stays readable.
 */
import type { GraphItem, GraphLayout } from './layout';

export interface GraphOverlayProps {
  /** edges: the weight highlights, drawn before the neurons; rings: the marks around neurons, after them */
  part: 'edges' | 'rings';
  layout: GraphLayout;
  shown: GraphItem | null;
  highlightedParams: ReadonlySet<number>;
  highlightedNeurons: ReadonlyArray<[number, number]>;
}

/** Highlights (from the step-through) and the hover/focus marker; rings have no fill, so they never cover a value. */
export function GraphOverlay({ part, layout, shown, highlightedParams, highlightedNeurons }: GraphOverlayProps) {
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
