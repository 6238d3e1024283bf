// Node tests render components in English: Lingui started with every catalog group in English (the page loads them as it goes).
import { CATALOG_GROUPS, type CatalogGroup } from '../src/i18n/catalogs/groups';
import { loadCatalogGroup, switchLanguage } from '../src/i18n/setup';

for (const group of Object.keys(CATALOG_GROUPS) as CatalogGroup[]) await loadCatalogGroup(group);
await switchLanguage('en');
