import type { SiteAdapter } from '../types';
import { diagnose } from './diagnose';
import { extract } from './extract';
import { SECTIONS } from './selectors';
import { matchUrl } from './url';

/** Crunchbase organisation pages (`www.crunchbase.com/organization/<permalink>` and its tabs), key `cb:<permalink>`. */
export const crunchbaseAdapter: SiteAdapter = { site: 'crunchbase', matchUrl, extract, diagnose, sections: SECTIONS };
