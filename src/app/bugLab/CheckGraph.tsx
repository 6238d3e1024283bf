/**
 * The probe network with every parameter coloured by the relative error of your gradient against
 * the lab's: each weight an edge, each bias a ring round its neuron. Green at or below the match
 * tolerance, red at 10% and above, a log scale between.
 */
import type { ParameterDeparture } from '../../engine/diagnosis';
import { MATCH_TOLERANCE } from '../../engine/diagnosis';
import { t as translate, useT } from '../../i18n/setup';
import { withNodes } from '../../i18n/Rich';
import { formatNumber } from '../../views/format';

const WIDTH = 360;
const HEIGHT = 170;

/** 0 at ≤ MATCH_TOLERANCE, 1 at ≥ 0.1, linear in log10 between. */
function badness(error: number): number {
  if (!(error > MATCH_TOLERANCE)) return 0;
  const lo = Math.log10(MATCH_TOLERANCE);
  return Math.min(1, (Math.log10(error) - lo) / (-1 - lo));
}

/** green → amber → red */
function errorColour(error: number): string {
  const t = badness(error);
  const hue = 140 * (1 - t);
  return `hsl(${hue.toFixed(0)} 70% ${(38 + 8 * Math.sin(Math.PI * t)).toFixed(0)}%)`;
}

/** "w²₁₂: relative error 3.2e−4" */
const describe = (name: string, e: number) =>
  e <= MATCH_TOLERANCE ? translate('bl.check.matches', { name }) : translate('bl.check.relativeError', { name, error: formatNumber(e) });

export function CheckGraph({ sizes, parameters }: { sizes: readonly number[]; parameters: readonly ParameterDeparture[] }) {
  const t = useT();
  const L = sizes.length - 1;
  const x = (l: number) => 30 + (l * (WIDTH - 60)) / L;
  const y = (l: number, j: number) => HEIGHT / 2 + (j - (sizes[l] - 1) / 2) * 60;
  const weights = parameters.filter((p) => p.kind === 'weight');
  const biases = new Map(parameters.filter((p) => p.kind === 'bias').map((p) => [`${p.layer}:${p.j}`, p]));
  return (
    <figure className="bl-check__graph">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('bl.check.graph')}>
        {weights.map((p) => (
          <line
            key={`w${p.layer}-${p.j}-${p.i}`}
            x1={x(p.layer - 1)}
            y1={y(p.layer - 1, p.i)}
            x2={x(p.layer)}
            y2={y(p.layer, p.j)}
            stroke={errorColour(p.relativeError)}
            strokeWidth={4}
            data-error={p.relativeError}
          >
            <title>{describe(`w^${p.layer}_${p.j + 1}${p.i + 1}`, p.relativeError)}</title>
          </line>
        ))}
        {sizes.map((n, l) =>
          Array.from({ length: n }, (_, j) => {
            const bias = biases.get(`${l}:${j}`);
            return (
              <circle
                // biome-ignore lint/suspicious/noArrayIndexKey: a neuron is its layer and its index j
                key={`n${l}-${j}`}
                cx={x(l)}
                cy={y(l, j)}
                r={11}
                fill="var(--panel)"
                stroke={bias ? errorColour(bias.relativeError) : 'var(--line-strong)'}
                strokeWidth={bias ? 5 : 2}
                data-error={bias?.relativeError}
              >
                {bias && <title>{describe(`b^${l}_${j + 1}`, bias.relativeError)}</title>}
              </circle>
            );
          }),
        )}
      </svg>
      <figcaption>
        {withNodes((marks) => t('bl.check.key', { ...marks, tolerance: formatNumber(MATCH_TOLERANCE) }), {
          good: <span className="bl-check__key" style={{ background: errorColour(0) }} />,
          middle: <span className="bl-check__key" style={{ background: errorColour(1e-5) }} />,
          bad: <span className="bl-check__key" style={{ background: errorColour(1) }} />,
        })}
      </figcaption>
    </figure>
  );
}
