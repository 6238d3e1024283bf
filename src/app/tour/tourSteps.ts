/** The guided tour's steps, in order: the link's tour=N counts in this list from 1 (titles and texts: the catalogs' tour.step.<id>.*). */
export const TOUR_STEPS = [{ id: 'question' }, { id: 'twin' }, { id: 'saturation' }, { id: 'fix' }, { id: 'gates' }, { id: 'xor' }] as const;

export type TourStepId = (typeof TOUR_STEPS)[number]['id'];

export const TOUR_STEP_COUNT = TOUR_STEPS.length;
