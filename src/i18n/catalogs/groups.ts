/**
 * The catalogs are written in areas (catalogs/<language>/<area>.json, one per part of the page, so
 * each part's messages sit in one file) and shipped in groups: the `first` group is loaded before the
 * first render, each other group when the part of the page that needs it is first opened (its lazy
 * chunk waits for it). A group's messages of one language are one compiled chunk.
 */
export const CATALOG_GROUPS = {
  first: ['core', 'shell', 'plots', 'graph', 'pagelinks', 'runstate', 'layout'],
  tour: ['tour'],
  // the stuck-run note (app/StuckNoteBody.tsx): only a run stuck in saturation shows it
  stucknote: ['stucknote'],
  step: ['step'],
  // the code panel is shown in the bug lab
  buglab: ['buglab', 'code'],
  // the coded messages (engine/messages.ts) and the weight-edit dialog's words (param.*): asked for right after the
  // first render, so they stay out of its budget
  errors: ['errors'],
} as const;

export type CatalogGroup = keyof typeof CATALOG_GROUPS;
export type CatalogArea = (typeof CATALOG_GROUPS)[CatalogGroup][number];

export const CATALOG_AREAS: readonly CatalogArea[] = Object.values(CATALOG_GROUPS).flat();
