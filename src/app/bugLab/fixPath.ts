/**
 * The fix path: from the question's XOR to a network that solves XOR reliably. Each step names every
 * setting it changes (steps 2 and 3 change two each). Each step's configuration is the question's
 * plus every change up to it, so the last one is the "Fixed" preset exactly. Rates (in the catalogs' bl.fix.*.change) are from docs/findings.md (1,000 starts, correct derivative unless said).
 */
import { type LabConfig, PRESETS, questionConfig } from '../../engine';

export interface FixStep {
  /** its button's text and its change (every setting it changes, and what that did to the rate) are bl.fix.<id>.title and .change */
  id: 'question' | 'derivative' | 'mean' | 'hidden';
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
    config: question,
    presetId: 'question-xor',
  },
  {
    id: 'derivative',
    config: step1,
    presetId: null,
  },
  {
    id: 'mean',
    config: step2,
    presetId: null,
  },
  {
    id: 'hidden',
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
