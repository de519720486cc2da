import { check, count, factNames, type PageDiagnostic } from '../diagnostic';
import { domShowsOrganization } from './dom';
import { readFieldsCardLayout } from './read-dom-cards';
import { readTileLayout } from './read-dom-tiles';
import { readState } from './read-state';
import { ENTITY_NAME, ICON_FIELD, LEGACY_STATE_SCRIPT, NG_STATE_SCRIPT, PROFILE_NAME, PROFILE_TAB_LINKS, TILE_FIELD } from './selectors';
import { stateStats } from './state';
import { matchUrl } from './url';

/** What the Crunchbase adapter tried on this page, source by source (see lib/sites/diagnostic.ts: no page text). */
export function diagnose(doc: Document, url: URL): PageDiagnostic | null {
  const ref = matchUrl(url);
  if (!ref) return null;
  const permalink = ref.recordKey.slice('cb:'.length);
  const stateScripts = `${NG_STATE_SCRIPT}, ${LEGACY_STATE_SCRIPT}`;
  const stats = stateStats(doc, permalink);
  const shows = domShowsOrganization(doc, permalink);
  const newer = `${ENTITY_NAME}, ${TILE_FIELD}`;
  const older = `${PROFILE_NAME}, ${ICON_FIELD}`;
  return {
    site: 'crunchbase',
    recordKey: ref.recordKey,
    kind: ref.kind,
    sources: [
      check('Embedded state scripts', stateScripts, count(doc, stateScripts)),
      check('State organisation responses with this permalink', 'HttpState entities/organizations/', stats.responses, factNames(readState(doc, permalink)), stats.matched),
      check('Tab bar links to this organisation', PROFILE_TAB_LINKS, count(doc, PROFILE_TAB_LINKS), shows ? ['yes'] : []),
      check('Newer layout (tiles)', newer, count(doc, newer), shows ? factNames(readTileLayout(doc)) : []),
      check('Older layout (fields cards)', older, count(doc, older), shows ? factNames(readFieldsCardLayout(doc)) : []),
    ],
  };
}
