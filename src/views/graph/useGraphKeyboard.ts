/**
 * The graph's keyboard: one roving tab stop, the arrow keys of keyboard.ts, Enter or Space on a
 * weight or bias to choose it, and the focused item for the tooltip. Elements come from the registry.
 */
import { type FocusEvent, type KeyboardEvent, useEffect, useState } from 'react';
import type { GraphElementRegistry } from './graphElements';
import { nextItem } from './keyboard';
import type { GraphItem } from './layout';

/** Where the keyboard starts, and where it goes back to when the item left the network's shape. */
const FIRST_ITEM: GraphItem = { kind: 'neuron', layer: 0, j: 0 };

function inShape(item: GraphItem, sizes: readonly number[]): boolean {
  return item.layer < sizes.length && item.j < sizes[item.layer] && (item.kind !== 'weight' || item.i < sizes[item.layer - 1]);
}

export interface GraphKeyboard {
  /** the item the keyboard is on, inside the current shape */
  active: GraphItem;
  /** the item that has focus, null when nothing in the graph has */
  focused: GraphItem | null;
  /** makes an item the keyboard's (a click on it) */
  setActive(item: GraphItem): void;
  onKeyDown(event: KeyboardEvent): void;
  onFocus(event: FocusEvent): void;
  onBlur(): void;
}

export function useGraphKeyboard(
  elements: GraphElementRegistry,
  sizes: readonly number[],
  tooltipId: string,
  onChoose: (item: GraphItem) => void,
): GraphKeyboard {
  const [chosen, setActive] = useState<GraphItem>(FIRST_ITEM);
  const [focused, setFocused] = useState<GraphItem | null>(null);
  const active = inShape(chosen, sizes) ? chosen : FIRST_ITEM;

  useEffect(() => elements.setTabStop(active, tooltipId), [elements, active, tooltipId]);

  const moveTo = (item: GraphItem) => {
    setActive(item);
    const element = elements.elementOf(item);
    if (!element) return;
    elements.setTabStop(item, tooltipId);
    element.focus();
  };

  return {
    active,
    focused,
    setActive,
    onKeyDown(event) {
      if ((event.key === 'Enter' || event.key === ' ') && active.kind !== 'neuron') {
        onChoose(active);
        event.preventDefault();
        return;
      }
      const next = nextItem(active, event.key, sizes);
      if (!next) return;
      event.preventDefault();
      moveTo(next);
    },
    onFocus(event) {
      const item = elements.itemOf(event.target);
      if (!item) return;
      setFocused(item);
      setActive(item);
    },
    onBlur: () => setFocused(null),
  };
}
