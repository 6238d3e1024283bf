/** The guided tour's steps, in order: the link's tour=N counts in this list from 1. */
export const TOUR_STEPS = [
  { id: 'question', title: 'The question on AND' },
  { id: 'twin', title: 'Same start, correct derivative' },
  { id: 'saturation', title: 'Why: saturation' },
  { id: 'fix', title: 'The fix, in the learner’s terms' },
  { id: 'gates', title: 'How often' },
  { id: 'xor', title: 'XOR is another story' },
] as const;

export type TourStepId = (typeof TOUR_STEPS)[number]['id'];

export const TOUR_STEP_COUNT = TOUR_STEPS.length;
