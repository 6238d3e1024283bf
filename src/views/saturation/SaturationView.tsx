/**
 * Saturation: why f′(a) is not f′(z). The σ′ curve with each hidden neuron's z (the true slope
 * σ′(z), near 0 once |z| is large) and its a (the question's σ′(a), never below σ′(1) ≈ 0.1966
 * because a lies in (0, 1)), then what that does to δ^l in size and to the layer's update in
 * direction. Props only: the step-through passes the engine's two pass records.
 */
import { scaleLinear } from 'd3';
import { useRef } from 'react';
import { type DerivativeMode, type PassRecord, derivative } from '../../engine';
import { formatNumber } from '../format';
import { useElementWidth } from '../useElementWidth';
import { SIGMA_PRIME_AT_ONE, type SaturationSummary, saturationOf } from './saturation';
import './saturation.css';
import { t, useT } from '../../i18n/setup';

export interface SaturationViewProps {
  pass: PassRecord;
  otherPass: PassRecord;
  /** the mode `pass` was computed with */
  mode: DerivativeMode;
  /** the sample shown, from 0 */
  sample: number;
  /** the hidden layer shown (default 1) */
  layer?: number;
}

const Z_LIMIT = 8;
const HEIGHT = 170;
const MARGIN = { top: 12, right: 14, bottom: 28, left: 40 };
const CURVE = Array.from({ length: 161 }, (_, k) => -Z_LIMIT + (k * 2 * Z_LIMIT) / 160);

export function SaturationView({ pass, otherPass, mode, sample, layer = 1 }: SaturationViewProps) {
  const t = useT();
  const summary = saturationOf(pass, otherPass, mode, layer, sample);
  if (!summary) return null;
  return (
    <figure className="saturation" aria-label={t('saturation.label')}>
      <figcaption className="saturation__title">{t('saturation.caption', { layer, sample: sample + 1 })}</figcaption>
      <SlopeCurve summary={summary} />
      <SaturationTable summary={summary} />
      <p className="saturation__summary">{directionSentence(summary)}</p>
    </figure>
  );
}

function SlopeCurve({ summary }: { summary: SaturationSummary }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 420);
  const x = scaleLinear()
    .domain([-Z_LIMIT, Z_LIMIT])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 0.27])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = CURVE.map((z, k) => `${k === 0 ? 'M' : 'L'}${x(z).toFixed(1)},${y(derivative('sigmoid', z)).toFixed(1)}`).join('');
  const clampZ = (z: number) => Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z));
  return (
    <div ref={box} className="saturation__plot">
      <svg width={width} height={HEIGHT} role="img" aria-label={curveLabel(summary)}>
        {/* a lies in (0, 1): there σ′ never drops below σ′(1) */}
        <rect className="saturation__band" x={x(0)} width={x(1) - x(0)} y={MARGIN.top} height={HEIGHT - MARGIN.bottom - MARGIN.top} />
        <line className="saturation__floor" x1={x(-Z_LIMIT)} x2={x(Z_LIMIT)} y1={y(SIGMA_PRIME_AT_ONE)} y2={y(SIGMA_PRIME_AT_ONE)} />
        <text className="saturation__note" x={width - MARGIN.right} y={y(SIGMA_PRIME_AT_ONE) - 4} textAnchor="end">
          σ′(1) ≈ {formatNumber(SIGMA_PRIME_AT_ONE)}
        </text>
        <path className="saturation__curve" d={path} />
        <line className="saturation__axis" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} />
        {[-Z_LIMIT, -4, 0, 4, Z_LIMIT].map((t) => (
          <text key={t} className="saturation__tick" x={x(t)} y={HEIGHT - 10} textAnchor="middle">
            {t === Z_LIMIT ? `${t} →` : t === -Z_LIMIT ? `← ${formatNumber(t)}` : formatNumber(t)}
          </text>
        ))}
        {[0, 0.1, 0.2].map((t) => (
          <text key={t} className="saturation__tick" x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        ))}
        {summary.neurons.map((n) => {
          const off = Math.abs(n.z) > Z_LIMIT;
          const zx = x(clampZ(n.z));
          return (
            <g key={n.j} className={`saturation__neuron saturation__neuron--${n.j % 4}`}>
              <circle className="saturation__at-z" cx={zx} cy={y(n.atZ)} r={5} />
              <text className="saturation__label" x={zx + (n.z > 0 ? -6 : 6)} y={y(n.atZ) - 8} textAnchor={n.z > 0 ? 'end' : 'start'}>
                z{n.j + 1}
                {off ? ` = ${formatNumber(n.z)}` : ''}
              </text>
              <circle className="saturation__at-a" cx={x(n.a)} cy={y(n.atA)} r={5} />
              <text className="saturation__label" x={x(n.a)} y={y(n.atA) + 16 + 11 * n.j} textAnchor="middle">
                a{n.j + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function curveLabel(summary: SaturationSummary): string {
  const neurons = summary.neurons.map((n) =>
    t('saturation.curveNeuron', { j: n.j + 1, z: formatNumber(n.z), atZ: formatNumber(n.atZ), a: formatNumber(n.a), atA: formatNumber(n.atA) }),
  );
  return t('saturation.curve', { limit: Z_LIMIT, neurons: neurons.join(t('saturation.separator')) });
}

function SaturationTable({ summary }: { summary: SaturationSummary }) {
  const t = useT();
  const l = summary.layer;
  return (
    <div className="saturation__table-wrap scroll-cue">
      <table className="saturation__table">
        <thead>
          <tr>
            <th scope="col">{t('saturation.neuron')}</th>
            <th scope="col">z</th>
            <th scope="col">{t('saturation.trueSlope')}</th>
            <th scope="col">a</th>
            <th scope="col">{t('saturation.questionSlope')}</th>
            <th scope="col">{t('saturation.deltaWith', { sup: sup(l), at: 'z' })}</th>
            <th scope="col">{t('saturation.deltaWith', { sup: sup(l), at: 'a' })}</th>
          </tr>
        </thead>
        <tbody>
          {summary.neurons.map((n) => (
            <tr key={n.j} data-neuron={n.j + 1}>
              <th scope="row">{n.j + 1}</th>
              <td>{formatNumber(n.z)}</td>
              <td data-value="sigma-prime-z">{formatNumber(n.atZ)}</td>
              <td>{formatNumber(n.a)}</td>
              <td data-value="sigma-prime-a">{formatNumber(n.atA)}</td>
              <td>{formatNumber(n.deltaCorrect)}</td>
              <td>{formatNumber(n.deltaBuggy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => [...String(n)].map((d) => SUBSCRIPT[Number(d)]).join('');

/** Size per sample, direction over the batch, in one or two sentences. */
export function directionSentence(summary: SaturationSummary): string {
  const l = sup(summary.layer);
  const worst = summary.neurons.reduce((w, n) => (n.atA / n.atZ > w.atA / w.atZ ? n : w));
  const j = worst.j + 1;
  const delta = `δ${l}${sub(j)}`;
  const size =
    worst.atZ === 0
      ? t('saturation.sizeFlat', { j, z: formatNumber(worst.z), delta, atA: formatNumber(worst.atA), buggy: formatNumber(worst.deltaBuggy) })
      : t('saturation.size', { j, atZ: formatNumber(worst.atZ), atA: formatNumber(worst.atA), delta, ratio: formatNumber(worst.atA / worst.atZ) });
  const direction = t('saturation.direction', {
    flipped: summary.flippedSigns,
    entries: summary.entries,
    layer: summary.layer,
    cosine: formatNumber(summary.cosine),
    ratio: formatNumber(summary.sizeRatio),
  });
  return t('saturation.sentences', { size, direction });
}
