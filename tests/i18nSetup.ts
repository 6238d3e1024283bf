// Node tests render components in English: Lingui started with the English catalog, as the page does.
import { startI18n } from '../src/i18n/setup';

await startI18n('en');
