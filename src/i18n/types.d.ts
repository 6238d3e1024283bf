// t() accepts only keys of the English catalog (flat keys: the dots are part of the name).
import 'i18next';
import type { Catalog } from './catalogs/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalog };
    keySeparator: false;
    nsSeparator: false;
  }
}
