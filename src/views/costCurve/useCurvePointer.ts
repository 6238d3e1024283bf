/**
 * The cost curve's pointer and keyboard: hover shows an epoch, a drag zooms into epochs, a click (or
 * Enter) picks one, a double-click shows the whole run, arrow keys move the cursor. The state lives in
 * a ref the drawing reads, so a pointer move asks for a redraw without a React render.
 */
import { type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject, useEffect } from 'react';
import { type EpochRange, zoomFromDrag } from './epochView';
import { type CostFrame, epochAt } from './frame';

/** What the drawing and the handlers share between frames. */
export interface PointerState {
  /** the epoch under the pointer or the keyboard cursor (0 = none) */
  hoverEpoch: number;
  /** the last frame drawn, for mapping pixels to epochs */
  frame: CostFrame | null;
  redraw: (() => void) | null;
  /** the pixel a zoom drag started at, and the epochs it covers so far */
  dragFrom: number | null;
  selection: EpochRange;
  /** the last pointer-up ended a drag: its click is not a pick */
  dragged: boolean;
  pendingPick: ReturnType<typeof setTimeout> | 0;
}

export const initialPointerState = (): PointerState => ({
  hoverEpoch: 0,
  frame: null,
  redraw: null,
  dragFrom: null,
  selection: null,
  dragged: false,
  pendingPick: 0,
});

/** A click waits this long for a second one, so a double-click (reset the zoom) does not also pick an epoch. */
const DOUBLE_CLICK_MS = 250;

export function useCurvePointer(
  live: RefObject<PointerState>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  setZoom: (zoom: EpochRange) => void,
  onPickEpoch?: (epoch: number) => void,
) {
  useEffect(() => () => clearTimeout(live.current.pendingPick), [live]);
  const pixelOf = (clientX: number) => clientX - (canvasRef.current?.getBoundingClientRect().left ?? 0);
  const dragRange = (frame: CostFrame, from: number, clientX: number) => zoomFromDrag((px) => epochAt(frame, px), from, pixelOf(clientX));

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    live.current.dragFrom = pixelOf(event.clientX);
    live.current.dragged = false;
  };
  const onPointerMove = (event: PointerEvent) => {
    const state = live.current;
    const frame = state.frame;
    if (!frame || !canvasRef.current) return;
    state.hoverEpoch = epochAt(frame, pixelOf(event.clientX));
    state.redraw?.();
    if (state.dragFrom !== null && (event.buttons & 1) !== 0) state.selection = dragRange(frame, state.dragFrom, event.clientX);
  };
  const onPointerUp = (event: PointerEvent) => {
    const state = live.current;
    if (state.dragFrom !== null && state.frame) {
      const range = dragRange(state.frame, state.dragFrom, event.clientX);
      if (range) {
        state.dragged = true;
        setZoom(range);
      }
    }
    state.dragFrom = null;
    state.selection = null;
    state.redraw?.();
  };
  const onPointerLeave = () => {
    const state = live.current;
    state.hoverEpoch = 0;
    state.dragFrom = null;
    state.selection = null;
    state.redraw?.();
  };
  const onClick = (event: MouseEvent) => {
    const state = live.current;
    if (state.dragged) {
      state.dragged = false;
      return;
    }
    const e = state.hoverEpoch;
    if (e <= 0 || !onPickEpoch || event.detail > 1) return;
    clearTimeout(state.pendingPick);
    state.pendingPick = setTimeout(() => onPickEpoch(e), DOUBLE_CLICK_MS);
  };
  const onDoubleClick = () => {
    clearTimeout(live.current.pendingPick);
    setZoom(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const state = live.current;
    const frame = state.frame;
    if (!frame) return;
    const span = frame.span;
    const stepSize = Math.max(1, Math.round(span / frame.columnCount)) * (event.shiftKey ? 10 : 1);
    const from = state.hoverEpoch || frame.currentEpoch || span;
    let next = from;
    if (event.key === 'ArrowRight') next = from + stepSize;
    else if (event.key === 'ArrowLeft') next = from - stepSize;
    else if (event.key === 'Home') next = 1;
    else if (event.key === 'End') next = span;
    else if ((event.key === 'Enter' || event.key === ' ') && state.hoverEpoch > 0) {
      onPickEpoch?.(state.hoverEpoch);
      event.preventDefault();
      return;
    } else if (event.key === 'Escape') next = 0;
    else return;
    event.preventDefault();
    state.hoverEpoch = next === 0 ? 0 : Math.min(span, Math.max(1, next));
    state.redraw?.();
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerLeave, onClick, onDoubleClick, onKeyDown, onBlur: onPointerLeave };
}
