/** The setups the story is told with: the question's AND run, which a first visit also opens on. */
import { type LabConfig, questionConfig } from '../../engine';

/** The question's [2,2,1] on AND with its slips (buggy f′(a), ÷ features), seed 1, 60,000 epochs. */
export const QUESTION_AND: LabConfig = { ...questionConfig('AND'), seed: 1 };

/** What the page opens with when neither a link nor saved settings say otherwise. */
export const FIRST_VISIT_CONFIG: LabConfig = { ...QUESTION_AND };
