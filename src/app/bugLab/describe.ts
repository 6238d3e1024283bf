/** Short descriptions of what a twin run or a sweep trained, for the bug lab's result lines, in the page's language. */
import { type DatasetName, type LabConfig, PLANE_SETS } from '../../engine';
import { t } from '../../i18n/setup';
import { formatNumber } from '../../views/format';

/** A dataset's name: gates stay as they are, the 2-D sets are named in the page's language. */
function datasetName(name: DatasetName): string {
  return (PLANE_SETS as readonly string[]).includes(name) ? t(`dataset.${name as (typeof PLANE_SETS)[number]}`) : name;
}

/** "2-2-1 Sigmoid/Sigmoid, Cross-entropy, η 0.35 ÷ inputs": what trains, without the data */
export function describeTraining(config: LabConfig): string {
  const activation = (name: LabConfig['outputActivation']) => t(`activation.${name}`);
  return t('bl.training', {
    shape: ['2', ...config.hidden, '1'].join('-'),
    activations: config.hidden.length ? `${activation(config.hiddenActivation)}/${activation(config.outputActivation)}` : activation(config.outputActivation),
    cost: t(`cost.${config.cost}`),
    rate: formatNumber(config.learningRate),
    divisor: config.gradientDivisor,
    sigmoid: config.sigmoidForm,
  });
}

/** "AND, 2-2-1 Sigmoid/Sigmoid, Cross-entropy, η 0.35 ÷ inputs" */
export function describeSetup(config: LabConfig): string {
  return t('bl.setup', { dataset: datasetName(config.dataset), training: describeTraining(config) });
}

/** 0.22 s, 43.5 s, 2 min 5 s */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return t('bl.seconds', { s: seconds.toFixed(seconds < 1 ? 2 : 1) });
  const whole = Math.round(seconds);
  return t('bl.minutesSeconds', { m: Math.floor(whole / 60), s: whole % 60 });
}
