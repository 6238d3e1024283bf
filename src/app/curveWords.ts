/** The cost curve's words in the page's language: the live series, a marker's setting changes, the previous run. */
import { listText, t } from '../i18n/setup';
import type { CurveWords } from '../store/settingMarkers';

export const CURVE_WORDS: CurveWords = {
  live: () => t('curve.liveSeries'),
  changes: (changes) => listText(changes.map(({ setting, value }) => t('curve.change', { setting, value: String(value) }))),
  previousRun: (derivative) => t('curve.previousRun', { derivative }),
};
