/**
 * Where the computational graph's boxes go: a pure function of the graph, unit-tested. Columns run
 * left to right in the order the forward pass computes (leaves, products, sum, f, cost or the next
 * layer); each product sits level with its a and w, the sum and f level with the leaves' middle.
 */
import type { CompGraph, CompNode } from './model';

interface BoxPlace {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface EdgePlace {
  from: string;
  to: string;
  /** start (right side of `from`) and end (left side of `to`) */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  share?: number;
}

export interface CompGraphLayout {
  boxes: Map<string, BoxPlace>;
  edges: EdgePlace[];
  width: number;
  height: number;
}

const BOX_WIDTH = 152;
export const LINE_HEIGHT = 15;
const PADDING = 7;
const COLUMN_GAP = 22;
const ROW_GAP = 8;
/** extra room between one input's (a, w) pair and the next */
const PAIR_GAP = 14;
const MARGIN = 4;

/** label, value and gradient lines, then the notes */
function boxHeight(node: CompNode): number {
  return 2 * PADDING + LINE_HEIGHT * (3 + node.notes.length);
}

export function layoutCompGraph(graph: CompGraph): CompGraphLayout {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const boxes = new Map<string, BoxPlace>();
  const columnX = (column: number) => MARGIN + column * (BOX_WIDTH + COLUMN_GAP);
  const place = (id: string, x: number, y: number) => {
    const node = byId.get(id);
    if (node) boxes.set(id, { id, x, y, width: BOX_WIDTH, height: boxHeight(node) });
  };
  const centerY = (id: string) => {
    const box = boxes.get(id);
    return box ? box.y + box.height / 2 : 0;
  };

  // column 0: each input above its weight, the bias last; column 1: each product level with its pair
  let y = MARGIN;
  const inputs = graph.nodes.filter((node) => node.kind === 'input');
  for (const input of inputs) {
    const i = input.id.slice(1);
    const top = y;
    place(`a${i}`, columnX(0), y);
    y += (boxes.get(`a${i}`)?.height ?? 0) + ROW_GAP;
    place(`w${i}`, columnX(0), y);
    y += boxes.get(`w${i}`)?.height ?? 0;
    const product = byId.get(`p${i}`);
    if (product) place(`p${i}`, columnX(1), (top + y) / 2 - boxHeight(product) / 2);
    y += ROW_GAP + PAIR_GAP;
  }
  place('b', columnX(0), y);
  const leavesBottom = y + (boxes.get('b')?.height ?? 0);
  const middle = (MARGIN + leavesBottom) / 2;

  const centredAt = (id: string, column: number, cy: number) => {
    const node = byId.get(id);
    if (node) place(id, columnX(column), cy - boxHeight(node) / 2);
  };
  centredAt('z', 2, middle);
  centredAt('f', 3, middle);
  const fBottom = (boxes.get('f')?.y ?? 0) + (boxes.get('f')?.height ?? 0);
  const target = byId.get('y');
  if (target) place('y', columnX(3), fBottom + 2 * ROW_GAP);
  centredAt('C', 4, middle);

  // the next layer's products, stacked and centred on f
  const downstream = graph.nodes.filter((node) => node.kind === 'downstream');
  const stackHeight = downstream.reduce((sum, node) => sum + boxHeight(node), 0) + ROW_GAP * Math.max(0, downstream.length - 1);
  let dy = middle - stackHeight / 2;
  for (const node of downstream) {
    place(node.id, columnX(4), dy);
    dy += boxHeight(node) + ROW_GAP;
  }

  // everything down by whatever went above the top margin (a tall downstream stack)
  const top = Math.min(...[...boxes.values()].map((box) => box.y));
  const shift = top < MARGIN ? MARGIN - top : 0;
  for (const box of boxes.values()) box.y += shift;

  const edges: EdgePlace[] = graph.edges.flatMap((edge) => {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) return [];
    const placed: EdgePlace = { from: edge.from, to: edge.to, x1: from.x + from.width, y1: centerY(edge.from), x2: to.x, y2: centerY(edge.to) };
    if (edge.share !== undefined) placed.share = edge.share;
    return [placed];
  });
  const all = [...boxes.values()];
  return {
    boxes,
    edges,
    width: Math.max(...all.map((box) => box.x + box.width)) + MARGIN,
    height: Math.max(...all.map((box) => box.y + box.height)) + MARGIN,
  };
}
