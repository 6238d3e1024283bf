/**
 * Twin run: the correct and the buggy derivative trained in lockstep from the same weights. Both
 * cost curves on one chart (the shared CostCurve, two series and a legend), both decision
 * boundaries side by side, and per parameter the difference between the two networks.
 * The "Twin run" control that starts it belongs to the caller.
 *
 * Props (every number comes from the engine: TwinRun / twinRun / the pool's twin outcome):
 * - costs: CostSource with the two series (twinCostSource(correctCosts, buggyCosts) builds it)
 * - data: the dataset both twins train on
 * - grids: { correct, buggy } BoundaryGrids (GridEvaluator on each twin's network)
 * - outputs?: { correct, buggy } a^L per sample, shown with the points
 * - labels: parameterLabels(sizes); params: { correct, buggy } parameters; difference: buggy − correct;
 *   largest: largestDifference(difference)
 * - epoch: the epoch both networks are at
 * - rounded / onRoundedChange: both boundaries' "Rounded output"; scale / onScaleChange: the cost axis
 * - boundarySize?: side of each boundary plot (default 260)
 */
import { useRef } from 'react';
import { Caption } from '../Caption';
import type { BoundaryGrids, Dataset, LargestDifference, ParameterLabel } from '../../engine';
import { DecisionBoundary } from '../boundary/DecisionBoundary';
import { CostCurve, type CostSource } from '../costCurve/CostCurve';
import type { CostScale } from '../costCurve/frame';
import { formatEpoch } from '../format';
import { useElementWidth } from '../useElementWidth';
import { DifferenceStrip } from './DifferenceStrip';
import { twinSeriesLabels } from './twinCostSource';
import { useT } from '../../i18n/setup';
import '../views.css';
import './twin.css';

interface TwinPair<T> {
  correct: T;
  buggy: T;
}

export interface TwinViewProps {
  costs: CostSource;
  data: Dataset | null;
  grids: TwinPair<BoundaryGrids | null>;
  outputs?: TwinPair<Float64Array | null>;
  labels: readonly ParameterLabel[];
  params: TwinPair<Float64Array> | null;
  difference: Float64Array | null;
  largest: LargestDifference | null;
  epoch: number;
  rounded: boolean;
  onRoundedChange?(rounded: boolean): void;
  scale?: CostScale;
  onScaleChange?(scale: CostScale): void;
  boundarySize?: number;
}

export function TwinView({
  costs,
  data,
  grids,
  outputs,
  labels,
  params,
  difference,
  largest,
  epoch,
  rounded,
  onRoundedChange,
  scale,
  onScaleChange,
  boundarySize = 260,
}: TwinViewProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef, 640);
  const t = useT();
  const names = twinSeriesLabels();
  return (
    <figure className="bl-view bl-twin" aria-label={t('bl.twin.title')}>
      <div ref={boxRef} className="bl-twin__body">
        <CostCurve source={costs} scale={scale} onScaleChange={onScaleChange} label={t('bl.twin.costs')} height={200} />
        <div className="bl-twin__boundaries">
          <DecisionBoundary
            grids={grids.correct}
            data={data}
            outputs={outputs?.correct ?? null}
            rounded={rounded}
            onRoundedChange={onRoundedChange}
            label={t('bl.twin.output', { name: names.correct })}
            title={names.correct}
            size={boundarySize}
          />
          <DecisionBoundary
            grids={grids.buggy}
            data={data}
            outputs={outputs?.buggy ?? null}
            rounded={rounded}
            onRoundedChange={onRoundedChange}
            label={t('bl.twin.output', { name: names.buggy })}
            title={names.buggy}
            size={boundarySize}
          />
        </div>
        {params && difference ? (
          <DifferenceStrip
            labels={labels}
            correct={params.correct}
            buggy={params.buggy}
            difference={difference}
            largest={largest}
            width={Math.max(240, width)}
          />
        ) : (
          <p className="bl-twin__empty">{t('bl.twin.empty')}</p>
        )}
      </div>
      <Caption>{t('bl.twin.caption', { epoch: formatEpoch(epoch) })}</Caption>
    </figure>
  );
}
