/**
 * The gradient check: per layer, direction (cosine) and scale (norm ratio) apart; per parameter the
 * analytic gradient, the numeric estimate, their relative error and the error left after the layer's
 * scale, worst first; a pass/fail verdict at the tolerance and the colour legend the network graph
 * uses (via `gradCheckParamColor`). Every number comes from the engine's GradientCheck.
 */
import { useState } from 'react';
import { DEFAULT_GRADCHECK_TOLERANCE, type DerivativeMode, type GradientCheck, type GradientDivisor, type ParameterCheck } from '../../engine';
import { formatNumber } from '../format';
import { ColorLegend } from '../ColorLegend';
import { neuronSymbol, weightSymbol } from '../notation';
import { gradCheckLegend, gradCheckLegendGradient, gradCheckVerdict, layerAgreementText, passes, relativeErrorColor, worstFirst } from './colors';
import '../views.css';
import './gradcheck.css';
import { t, useT } from '../../i18n/setup';

export interface GradCheckPanelProps {
  /** the engine's gradientCheck(net, data, options) on the current parameters; null before one ran */
  check: GradientCheck | null;
  tolerance?: number;
  /** the derivative mode the analytic gradient was computed with (for the verdict's wording) */
  derivative?: DerivativeMode;
  /** the divisor the analytic gradient used: under 'features' (the question's 1/len(x)) every gradient is off by N/n₀ */
  gradientDivisor?: GradientDivisor;
  /** hovering a row points at its weight or bias on the graph (null on leave) */
  onHighlight?(highlight: { params: number[] } | null): void;
  onParamClick?(index: number): void;
  /** rows shown before "Show all" (default 10) */
  rowLimit?: number;
  /** a "Run gradient check" button, when the caller computes on demand */
  onRun?(): void;
  running?: boolean;
}

function parameterSymbol(p: ParameterCheck): string {
  return p.kind === 'bias' ? neuronSymbol(p.layer, p.j, 'b') : weightSymbol(p.layer, p.j, p.i);
}

export function GradCheckPanel({
  check,
  tolerance = DEFAULT_GRADCHECK_TOLERANCE,
  derivative,
  gradientDivisor,
  onHighlight,
  onParamClick,
  rowLimit = 10,
  onRun,
  running = false,
}: GradCheckPanelProps) {
  const t = useT();
  const [showAll, setShowAll] = useState(false);
  const verdict = check ? gradCheckVerdict(check, tolerance) : null;
  const sorted = check ? worstFirst(check) : [];
  const rows = showAll ? sorted : sorted.slice(0, rowLimit);
  return (
    <section className="bl-view bl-gradcheck" aria-label={t('gradcheck.title')}>
      <div className="bl-gradcheck__bar">
        <strong className="bl-gradcheck__heading">{t('gradcheck.title')}</strong>
        {onRun && (
          <button type="button" onClick={onRun} disabled={running}>
            {running ? t('gradcheck.checking') : t('gradcheck.run')}
          </button>
        )}
        <GradCheckLegend tolerance={tolerance} />
      </div>
      <p className={`bl-gradcheck__verdict ${verdict ? (verdict.passed ? 'is-pass' : 'is-fail') : ''}`} role="status">
        {verdictText(check, verdict, tolerance, derivative, gradientDivisor)}
      </p>
      {verdict && verdict.layers.length > 0 && (
        <ul className="bl-gradcheck__layers" aria-label={t('gradcheck.layersLabel')}>
          {verdict.layers.map((layer) => (
            <li key={layer.layer} className={layer.rightDirection && layer.rightScale ? undefined : 'is-fail'}>
              {t('gradcheck.layer', { layer: layer.layer, agreement: layerAgreementText(layer) })}
              <span className="bl-gradcheck__detail">
                {' '}
                {t('gradcheck.layerDetail', { gap: Number.isNaN(layer.cosine) ? '–' : formatNumber(1 - layer.cosine), scale: formatNumber(layer.scale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {verdict && verdict.layers.length > 0 && <p className="bl-gradcheck__detail">{t('gradcheck.layersRule', { tolerance: formatNumber(tolerance) })}</p>}
      {check && (
        <div className="bl-gradcheck__scroll" tabIndex={0} role="region" aria-label={t('gradcheck.tableLabel')}>
          <table className="bl-gradcheck__table" onMouseLeave={() => onHighlight?.(null)}>
            <caption>{t('gradcheck.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gradcheck.parameter')}</th>
                <th scope="col">{t('gradcheck.analytic')}</th>
                <th scope="col">{t('gradcheck.numeric')}</th>
                <th scope="col">{t('gradcheck.relativeError')}</th>
                <th scope="col">{t('gradcheck.afterScale')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const ok = p.kink || passes(p.directionError, tolerance);
                return (
                  <tr
                    key={p.index}
                    onMouseEnter={() => onHighlight?.({ params: [p.index] })}
                    onClick={() => onParamClick?.(p.index)}
                    className={ok ? undefined : 'is-fail'}
                  >
                    <th scope="row">{parameterSymbol(p)}</th>
                    <td>{formatNumber(p.analytic)}</td>
                    <td>{formatNumber(p.numeric)}</td>
                    <td>
                      <span className="bl-gradcheck__swatch" style={{ background: relativeErrorColor(p.relativeError, tolerance) }} aria-hidden="true" />
                      {formatNumber(p.relativeError)}
                    </td>
                    {p.kink ? (
                      <td className="bl-gradcheck__kink">{t('gradcheck.kink')}</td>
                    ) : (
                      <td>
                        {formatNumber(p.directionError)} <span className="bl-gradcheck__mark">{ok ? '✓' : '✗'}</span>
                        <span className="bl-gradcheck__sr"> {ok ? t('gradcheck.within') : t('gradcheck.above')}</span>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {check && sorted.length > rowLimit && (
        <button type="button" className="bl-gradcheck__more" onClick={() => setShowAll(!showAll)}>
          {showAll ? t('gradcheck.showWorst', { count: rowLimit }) : t('gradcheck.showAll', { count: sorted.length })}
        </button>
      )}
    </section>
  );
}

function verdictText(
  check: GradientCheck | null,
  verdict: ReturnType<typeof gradCheckVerdict> | null,
  tolerance: number,
  derivative?: DerivativeMode,
  divisor?: GradientDivisor,
): string {
  if (!check || !verdict) return t('gradcheck.none');
  if (verdict.total + verdict.kinks === 0) return t('gradcheck.noParameters');
  const tol = formatNumber(tolerance);
  if (verdict.passed) return t('gradcheck.pass', { total: verdict.total, tol, kinks: verdict.kinks });
  const directionOff = verdict.layers.some((l) => !l.rightDirection);
  const where =
    directionOff && verdict.worst
      ? t('gradcheck.worst', { symbol: parameterSymbol(verdict.worst), error: formatNumber(verdict.worst.directionError) })
      : directionOff
        ? ''
        : t('gradcheck.sizeOnly');
  return t('gradcheck.fail', {
    failing: verdict.failing,
    total: verdict.total,
    tol,
    count: verdict.failingLayers.length,
    layers: verdict.failingLayers.join(t('text.listSeparator')),
    where,
    buggy: derivative === 'buggy' ? 'yes' : 'no',
    divisor: divisor === 'features' ? 'yes' : 'no',
    kinks: verdict.kinks,
  });
}

function GradCheckLegend({ tolerance = DEFAULT_GRADCHECK_TOLERANCE }: { tolerance?: number }) {
  const t = useT();
  const stops = gradCheckLegend(tolerance);
  return (
    <ColorLegend
      low={stops[0].value}
      high={stops[stops.length - 1].value}
      title={t('gradcheck.legendTitle')}
      width={200}
      background={gradCheckLegendGradient()}
      ticks={stops.map((stop) => ({ position: stop.position, label: stop.label, strong: stop.value === tolerance }))}
      label={t('gradcheck.legend', { tol: formatNumber(tolerance) })}
    />
  );
}
