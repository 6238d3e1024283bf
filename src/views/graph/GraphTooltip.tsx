/** The tooltip of the hovered or focused neuron, weight or bias: its numbers from the PassRecord. */
import { useLayoutEffect, useRef } from 'react';
import { formatNumber } from '../format';
import type { ItemDetails } from './details';
import type { ItemAnchor } from './layout';
import { useT } from '../../i18n/setup';

export interface GraphTooltipProps {
  details: ItemDetails | null;
  anchor: ItemAnchor;
  /** the area the tooltip must stay inside */
  bounds: { width: number; height: number };
  /** the focused item points here with aria-describedby (no live region: values change every frame) */
  id: string;
}

const GAP = 8;

/** Right of the anchor if it fits, else left, else below or above it (overflowing the bounds rather than covering the anchor). */
export function placeTooltip(
  anchor: ItemAnchor,
  size: { width: number; height: number },
  bounds: { width: number; height: number },
): { left: number; top: number } {
  const clampLeft = (x: number) => Math.max(0, Math.min(Math.max(0, bounds.width - size.width), x));
  const clampTop = (y: number) => Math.max(0, Math.min(Math.max(0, bounds.height - size.height), y));
  const right = anchor.x + anchor.clearance + GAP;
  if (right + size.width <= bounds.width) return { left: right, top: clampTop(anchor.y - size.height / 2) };
  const left = anchor.x - anchor.clearance - GAP - size.width;
  if (left >= 0) return { left, top: clampTop(anchor.y - size.height / 2) };
  const below = anchor.y + anchor.clearance + GAP;
  const above = anchor.y - anchor.clearance - GAP - size.height;
  if (below + size.height <= bounds.height) return { left: clampLeft(anchor.x - size.width / 2), top: below };
  if (above >= 0) return { left: clampLeft(anchor.x - size.width / 2), top: above };
  // no room inside: overflow the graph on the roomier side rather than cover what it describes
  return { left: clampLeft(anchor.x - size.width / 2), top: bounds.height - anchor.y >= anchor.y ? below : above };
}

export function GraphTooltip({ details, anchor, bounds, id }: GraphTooltipProps) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !details) return;
    const { left, top } = placeTooltip(anchor, { width: el.offsetWidth, height: el.offsetHeight }, bounds);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  });
  return (
    <div ref={ref} id={id} className="bl-tooltip bl-graph__tooltip" role="tooltip" hidden={!details}>
      {details && (
        <>
          <div className="bl-tooltip__head">{details.title}</div>
          <div className="bl-graph__tooltip-sub">{details.subtitle}</div>
          <table className="bl-graph__rows">
            <tbody>
              {details.rows.map((row) => (
                <tr key={row.symbol + row.name}>
                  <th scope="row">{row.symbol}</th>
                  <td className="bl-num">{formatNumber(row.value)}</td>
                  <td className="bl-graph__row-name">{row.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {details.table && (
            <table className="bl-graph__samples-table">
              <thead>
                <tr>
                  <th scope="col">{t('graph.tip.sampleColumn')}</th>
                  {details.table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {details.table.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((v, k) => (
                      <td key={details.table?.columns[k]} className="bl-num">
                        {formatNumber(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {details.note && <div className="bl-graph__tooltip-note">{details.note}</div>}
        </>
      )}
    </div>
  );
}
