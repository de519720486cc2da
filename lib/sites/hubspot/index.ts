import type { SiteAdapter } from '../types';
import { diagnose } from './diagnose';
import { extract } from './extract';
import { SECTIONS } from './selectors';
import { matchUrl } from './url';

/** HubSpot company records (`app*.hubspot.com/contacts/<portal>/record/0-2/<id>`). */
export const hubspotAdapter: SiteAdapter = { site: 'hubspot', matchUrl, extract, diagnose, sections: SECTIONS };

export { extract, matchUrl };
