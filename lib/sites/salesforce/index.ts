import type { SiteAdapter } from '../types';
import { diagnose } from './diagnose';
import { extract } from './extract';
import { matchUrl } from './url';

/** Salesforce Lightning Account record pages (`<mydomain>.lightning.force.com/lightning/r/Account/<id>/view`). */
export const salesforceAdapter: SiteAdapter = {
  site: 'salesforce',
  matchUrl,
  extract: (doc, url) => extract(doc, url),
  diagnose,
};

export { extract, matchUrl };
export { deepQuerySelectorAll, isShownByAttributes, type VisibilityCheck } from './deep-dom';
