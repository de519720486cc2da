import type { SiteAdapter } from '../types';
import { diagnose } from './diagnose';
import { extract } from './extract';
import { SECTIONS } from './selectors';
import { matchUrl } from './url';

/** LinkedIn company pages (logged in and out), showcase pages and Sales Navigator accounts. */
export const linkedinAdapter: SiteAdapter = { site: 'linkedin', matchUrl, extract, diagnose, sections: SECTIONS };
