/**
 * The cost curve's words, written straight into the DOM once per frame (no React render): each
 * legend entry's value and the hover tooltip, which names the setting changes at the pointer too.
 */
import { t } from '../../i18n/setup';
import { formatEpoch, formatNumber } from '../format';
import type { CostFrame } from './frame';

export function updateLegendValues(frame: CostFrame, cells: Map<string, HTMLElement>): void {
  frame.series.forEach((s, k) => {
    const cell = cells.get(s.id);
    if (!cell) return;
    // an earlier run shorter than the epoch shown has no cost there: it shows how far it went
    const shown = frame.currentEpoch > 0 && frame.currentEpoch <= s.length;
    const text =
      s.length === 0
        ? t('curve.noEpochs')
        : shown
          ? t('curve.valueAt', { cost: formatNumber(frame.currentCosts[k]), epoch: formatEpoch(frame.currentEpoch) })
          : t('curve.epochCount', { count: s.length, epochs: formatEpoch(s.length) });
    // the same words again would still make the browser lay the legend out anew
    if (cell.textContent !== text) cell.textContent = text;
  });
}

export function updateTooltip(frame: CostFrame, tooltip: HTMLDivElement | null): void {
  if (!tooltip) return;
  if (frame.hoverEpoch <= 0) {
    tooltip.hidden = true;
    return;
  }
  tooltip.hidden = false;
  const rows = frame.series.map((s, k) =>
    t('curve.seriesValue', {
      label: s.label,
      value: Number.isNaN(frame.hoverCosts[k]) && frame.hoverEpoch > s.length ? '—' : formatNumber(frame.hoverCosts[k]),
    }),
  );
  // setting changes within a few pixels of the pointer
  const hoverX = frame.x(frame.hoverEpoch);
  const changes = frame.markers
    .filter((m) => Math.abs(frame.x(m.epoch) - hoverX) <= 4)
    .map((m) => t('curve.changeAfter', { epoch: formatEpoch(m.epoch), label: m.label }));
  const head = t('curve.epoch', { epoch: formatEpoch(frame.hoverEpoch) });
  const text = [head, ...rows, ...changes].join('\n');
  // rebuild only when the words change: the tooltip is a live region, and frames come 60 times a second
  if (tooltip.dataset.text !== text) {
    tooltip.dataset.text = text;
    const title = document.createElement('div');
    title.className = 'bl-tooltip__head';
    title.textContent = head;
    tooltip.replaceChildren(title);
    frame.series.forEach((s, k) => {
      const row = document.createElement('div');
      const swatch = document.createElement('span');
      swatch.className = 'bl-cost__swatch';
      swatch.style.background = s.color;
      row.append(swatch, rows[k]);
      tooltip.append(row);
    });
    for (const change of changes) {
      const row = document.createElement('div');
      row.className = 'bl-cost__change';
      row.textContent = change;
      tooltip.append(row);
    }
  }
  const px = frame.x(frame.hoverEpoch);
  // beside the cursor on the side with room, and never past the plot's edges (a phone's plot is narrow)
  const width = tooltip.offsetWidth || 160;
  const flip = px + 10 + width > frame.box.width && px > frame.box.width / 2;
  const left = flip ? px - 10 - width : px + 10;
  tooltip.style.left = `${Math.max(0, Math.min(frame.box.width - width, left))}px`;
  tooltip.style.right = '';
  tooltip.style.top = `${frame.box.margin.top + 4}px`;
}
