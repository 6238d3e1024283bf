// Node tests render components in English: Lingui started with the English catalog, as the page does.
import { switchLanguage } from '../src/i18n/setup';

await switchLanguage('en');
