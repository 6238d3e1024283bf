/**
 * The graph's elements, registered by ref as React mounts them (no DOM queries): what the painter
 * paints, which element stands for an item (keyboard focus), which item an element stands for, and
 * the one roving tab stop. Framework-free: a ref is any `(element | null) => void`.
 */
import type { GraphItem, GraphLayout } from './layout';
import type { GraphElements } from './paintGraph';

type ElementRef<T extends Element> = (element: T | null) => void;

/** What a paint reads: per layer, per neuron, and the weights' lines by param index. */
type PaintPart = 'body' | 'value' | 'thumb';

export interface GraphElementRegistry {
  /** ref of an item's focusable element: the neuron's group, its bias ring, a weight's line */
  item(item: GraphItem, paramIndex?: number): ElementRef<SVGElement>;
  /** ref of a part the painter fills: a neuron's disc, its value text, its thumbnail */
  part(kind: 'body', layer: number, j: number): ElementRef<SVGCircleElement>;
  part(kind: 'value', layer: number, j: number): ElementRef<SVGTextElement>;
  part(kind: 'thumb', layer: number, j: number): ElementRef<HTMLCanvasElement>;
  readonly edgeCanvas: ElementRef<HTMLCanvasElement>;
  /** the element that stands for an item, if it is mounted */
  elementOf(item: GraphItem): SVGElement | null;
  /** the item an event's target (or one of its ancestors) stands for */
  itemOf(target: EventTarget | null): GraphItem | null;
  /** makes the item's element the graph's one tab stop, described by the tooltip (also once it mounts) */
  setTabStop(item: GraphItem, describedBy: string): void;
  /** the elements to paint for a layout (rebuilt only after elements came or went) */
  paintTargets(layout: GraphLayout): GraphElements;
}

function itemKey(item: GraphItem): string {
  return item.kind === 'weight' ? `w${item.layer}:${item.j}:${item.i}` : `${item.kind === 'bias' ? 'b' : 'n'}${item.layer}:${item.j}`;
}

export function createGraphElements(): GraphElementRegistry {
  const items = new Map<string, SVGElement>();
  const itemOfElement = new WeakMap<Element, GraphItem>();
  /** weights' lines by param index, in the order the painter reads them */
  const edgeLines = new Map<number, SVGLineElement>();
  const parts: Record<PaintPart, Map<string, Element>> = { body: new Map(), value: new Map(), thumb: new Map() };
  let edgeCanvas: HTMLCanvasElement | null = null;
  let tabStop: { key: string; describedBy: string } | null = null;
  let version = 0;
  let built: { version: number; layout: GraphLayout; elements: GraphElements } | null = null;
  // one callback per key while its element is mounted, so React does not detach and reattach a ref on every render
  const refs = new Map<string, ElementRef<Element>>();
  const cached = <T extends Element>(key: string, make: () => ElementRef<T>): ElementRef<T> => {
    let ref = refs.get(key);
    if (!ref) {
      const register = make() as ElementRef<Element>;
      const own: ElementRef<Element> = (element) => {
        register(element);
        if (!element && refs.get(key) === own) refs.delete(key);
      };
      ref = own;
      refs.set(key, ref);
    }
    return ref as ElementRef<T>;
  };

  const markTabStop = (element: Element, on: boolean, describedBy = '') => {
    element.setAttribute('tabindex', on ? '0' : '-1');
    if (on) element.setAttribute('aria-describedby', describedBy);
    else element.removeAttribute('aria-describedby');
  };

  const registry: GraphElementRegistry = {
    item(item, paramIndex) {
      const key = itemKey(item);
      // a weight's param index depends on the shape, so it is part of the ref's identity
      return cached<SVGElement>(`i${key}@${paramIndex ?? ''}`, () => {
        let mounted: SVGElement | null = null;
        return (element) => {
          if (mounted) itemOfElement.delete(mounted);
          if (mounted && items.get(key) === mounted) items.delete(key);
          if (mounted && paramIndex !== undefined && edgeLines.get(paramIndex) === mounted) edgeLines.delete(paramIndex);
          mounted = element;
          if (element) {
            items.set(key, element);
            itemOfElement.set(element, item);
            if (paramIndex !== undefined) edgeLines.set(paramIndex, element as SVGLineElement);
            if (tabStop?.key === key) markTabStop(element, true, tabStop.describedBy);
          }
          version++;
        };
      });
    },
    part(kind: PaintPart, layer: number, j: number) {
      const key = `${layer}:${j}`;
      return cached(`${kind}${key}`, () => {
        let mounted: Element | null = null;
        return (element: Element | null) => {
          if (mounted && parts[kind].get(key) === mounted) parts[kind].delete(key);
          mounted = element;
          if (element) parts[kind].set(key, element);
          version++;
        };
      });
    },
    edgeCanvas: (element) => {
      edgeCanvas = element;
      version++;
    },
    elementOf: (item) => items.get(itemKey(item)) ?? null,
    itemOf(target) {
      for (let el = target instanceof Element ? target : null; el; el = el.parentElement) {
        const item = itemOfElement.get(el);
        if (item) return item;
      }
      return null;
    },
    setTabStop(item, describedBy) {
      const key = itemKey(item);
      if (tabStop?.key === key && tabStop.describedBy === describedBy) return;
      const old = tabStop && items.get(tabStop.key);
      if (old) markTabStop(old, false);
      tabStop = { key, describedBy };
      const element = items.get(key);
      if (element) markTabStop(element, true, describedBy);
    },
    paintTargets(layout) {
      if (built && built.version === version && built.layout === layout) return built.elements;
      const { sizes } = layout;
      const perNeuron = <T extends Element>(kind: PaintPart) =>
        sizes.map((n, l) => Array.from({ length: n }, (_, j) => (parts[kind].get(`${l}:${j}`) as T | undefined) ?? null));
      const elements: GraphElements = {
        // in layout.edges order; in canvas mode the few lines are keyboard stops, not painted
        edges: layout.edgeMode === 'svg' ? layout.edges.map((e) => edgeLines.get(e.index) ?? null) : [],
        edgeCanvas,
        bodies: perNeuron<SVGCircleElement>('body') as SVGCircleElement[][],
        rings: sizes.map((n, l) => Array.from({ length: n }, (_, j) => (items.get(itemKey({ kind: 'bias', layer: l, j })) as SVGCircleElement) ?? null)),
        values: perNeuron<SVGTextElement>('value'),
        thumbs: perNeuron<HTMLCanvasElement>('thumb'),
      };
      built = { version, layout, elements };
      return elements;
    },
  };
  return registry;
}
