/**
 * Per-parameter difference between the twins (buggy − correct): a heat strip grouped by W^l and b^l,
 * coloured on a diverging scale symmetric about 0, and a table of every parameter's two values.
 */
import { scaleBand } from 'd3';
import { useMemo } from 'react';
import type { LargestDifference, ParameterLabel } from '../../engine';
import { ColorLegend } from '../ColorLegend';
import { formatNumber, formatSigned } from '../format';
import { interpolateWeight, weightColorScale } from '../palette';
import { useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';

export interface DifferenceStripProps {
  labels: readonly ParameterLabel[];
  correct: Float64Array;
  buggy: Float64Array;
  /** buggy − correct, same layout as params */
  difference: Float64Array;
  largest: LargestDifference | null;
  width?: number;
}

interface Group {
  key: string;
  title: string;
  labels: ParameterLabel[];
}

const CELL_H = 18;
const TITLE_H = 14;
const NOT_FINITE = '#7a7a7a';

function groupsOf(labels: readonly ParameterLabel[]): Group[] {
  const groups: Group[] = [];
  for (const p of labels) {
    const key = `${p.kind}${p.layer}`;
    let g = groups.at(-1);
    if (!g || g.key !== key) {
      g = { key, title: p.name.replace(/\[.*$/, ''), labels: [] };
      groups.push(g);
    }
    g.labels.push(p);
  }
  return groups;
}

export function DifferenceStrip({ labels, correct, buggy, difference, largest, width = 640 }: DifferenceStripProps) {
  const t = useT();
  const groups = useMemo(() => groupsOf(labels), [labels]);
  // the colour scale's ends are the largest |difference|, which the engine reports
  const extent = largest && Number.isFinite(largest.value) && largest.value !== 0 ? Math.abs(largest.value) : 1;
  const color = useMemo(() => weightColorScale(extent), [extent]);
  const band = useMemo(
    () =>
      scaleBand<string>()
        .domain(groups.flatMap((g) => [...g.labels.map((p) => String(p.index)), `gap${g.key}`]))
        .range([0, width])
        .paddingInner(0.08),
    [groups, width],
  );
  const largestName = largest ? labels.find((p) => p.index === largest.index)?.name : undefined;
  return (
    <section className="bl-twin__diff" aria-label={t('bl.diff.label')}>
      <div className="bl-twin__diff-bar">
        <span>
          {largest && largestName
            ? withNodes((marks) => t('bl.diff.largest', { title: t('bl.diff.title'), name: largestName, value: marks.value }), {
                value: <strong>{formatSigned(largest.value)}</strong>,
              })
            : t('bl.diff.title')}
        </span>
        <ColorLegend low={-extent} high={extent} title={t('bl.diff.legend')} interpolate={interpolateWeight} />
      </div>
      <svg width={width} height={TITLE_H + CELL_H} role="img" aria-label={t('bl.diff.strip')}>
        {groups.map((g) => (
          <text key={g.key} className="bl-axis-label" x={band(String(g.labels[0].index)) ?? 0} y={10}>
            {g.title}
          </text>
        ))}
        {labels.map((p) => {
          const d = difference[p.index];
          return (
            <rect
              key={p.index}
              x={band(String(p.index))}
              y={TITLE_H}
              width={band.bandwidth()}
              height={CELL_H}
              rx={2}
              fill={Number.isFinite(d) ? color(d) : NOT_FINITE}
              stroke={largest?.index === p.index ? '#111' : 'none'}
            >
              <title>
                {t('bl.diff.cell', { name: p.name, correct: formatNumber(correct[p.index]), buggy: formatNumber(buggy[p.index]), difference: formatSigned(d) })}
              </title>
            </rect>
          );
        })}
      </svg>
      {/* scrolls when the network is big: a keyboard stop, so its rows are reachable without a mouse */}
      <div className="bl-twin__table-wrap" tabIndex={0} role="region" aria-label={t('bl.diff.table')}>
        <table className="bl-twin__table">
          <thead>
            <tr>
              <th scope="col">{t('bl.diff.parameter')}</th>
              <th scope="col">{t('bl.diff.correct')}</th>
              <th scope="col">{t('bl.diff.buggy')}</th>
              <th scope="col">{t('bl.diff.buggyMinusCorrect')}</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((p) => (
              <tr key={p.index} className={largest?.index === p.index ? 'is-largest' : undefined}>
                <th scope="row">{p.name}</th>
                <td>{formatNumber(correct[p.index])}</td>
                <td>{formatNumber(buggy[p.index])}</td>
                <td>
                  <span className="bl-twin__chip" style={{ background: Number.isFinite(difference[p.index]) ? color(difference[p.index]) : NOT_FINITE }} />
                  {formatSigned(difference[p.index])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
