/**
 * The fix path: from the question's XOR to a network that solves XOR reliably. Each step names every
 * setting it changes (steps 2 and 3 change two each). Each step's configuration is the question's
 * plus every change up to it, so the last one is the "Fixed" preset exactly. Rates are from docs/findings.md (1,000 starts, correct derivative unless said).
 */
import { type LabConfig, PRESETS, questionConfig } from '../../engine';

export interface FixStep {
  id: string;
  /** the button's text */
  title: string;
  /** every setting this step changes, and what it did to the rate */
  change: string;
  /** the whole configuration after this step */
  config: LabConfig;
  /** the preset this step equals, so the preset list shows it selected */
  presetId: string | null;
}

const question = questionConfig('XOR');
const step1: LabConfig = { ...question, derivative: 'correct' };
const step2: LabConfig = { ...step1, gradientDivisor: 'samples', learningRate: 1 };
const step3: LabConfig = { ...step2, hidden: [4], epochs: 10_000 };

const FIXED_PRESET_ID = 'fixed';

export const FIX_STEPS: readonly FixStep[] = [
  {
    id: 'question',
    title: 'The question: XOR',
    change: 'The learner’s code: [2,2,1], f′(a) in BP2, the gradient ÷ 2 inputs, η = 0.35, 60,000 epochs. Solves XOR from 67% of 1,000 starts.',
    config: question,
    presetId: 'question-xor',
  },
  {
    id: 'derivative',
    title: '1. Fix the derivative',
    change: 'One change: BP2 takes f′(z) instead of f′(a). 70% of starts now: on XOR the derivative is not the main trouble.',
    config: step1,
    presetId: null,
  },
  {
    id: 'mean',
    title: '2. Mean gradient',
    change:
      'Two changes: the summed gradient is divided by the 4 samples (the true mean) instead of the 2 inputs, and η goes from 0.35 to 1. Still 70%: together they only rescaled the step.',
    config: step2,
    presetId: null,
  },
  {
    id: 'hidden',
    title: '3. Four hidden units',
    change:
      'Two changes: four hidden units instead of two, and 10,000 epochs instead of 60,000: 99.8% of starts. [2,2,1] can represent XOR, but its training gets stuck from many N(0, 1) starts; more units make that rare. This is the “Fixed” preset.',
    config: step3,
    presetId: FIXED_PRESET_ID,
  },
];

/** Whether two configurations agree on every setting but the seed (key order does not matter). */
function sameSetup(a: LabConfig, b: LabConfig): boolean {
  return (Object.keys(b) as Array<keyof LabConfig>).every((key) => key === 'seed' || JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** Which step the configuration is (an index into FIX_STEPS), ignoring the seed; -1 for none. */
export function currentFixStep(config: LabConfig): number {
  return FIX_STEPS.findIndex((step) => sameSetup(config, step.config));
}

/** The last step must be the Fixed preset, or the path and the preset list disagree. */
export function fixedPresetMatches(): boolean {
  const fixed = PRESETS.find((p) => p.id === FIXED_PRESET_ID);
  const last = FIX_STEPS[FIX_STEPS.length - 1].config;
  return !!fixed && fixed.config.seed === last.seed && sameSetup(fixed.config, last) && sameSetup(last, fixed.config);
}
