// Node tests render components in English: i18next started with the English catalog, as the page does.
import { en } from '../src/i18n/catalogs/en';
import { startI18n } from '../src/i18n/setup';

await startI18n('en', en);
