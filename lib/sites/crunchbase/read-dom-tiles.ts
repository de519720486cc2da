import type { RawFacts } from '../../facts/raw';
import { toIsoDate } from './dates';
import { httpLink, isLockedValue, listTexts, visibleText } from './dom';
import { fundingSignals, latestRoundDate, roundLabel, type FundingRound } from './funding';
import {
  ENTITY_NAME,
  FIELD_VALUE,
  FUNDING_CARD,
  FUNDING_ROUNDS_TABLE,
  HIGHLIGHT_LABEL_ATTR,
  OVERVIEW_DETAILS,
  PEOPLE_HIGHLIGHTS,
  ROUND_COLUMNS,
  TECHNOLOGY_HIGHLIGHTS,
  TILE_FIELD,
  TILE_LABELS,
  type DomFact,
} from './selectors';

/**
 * Raw facts from the newer profile layout: `span.entity-name`, labelled `tile-field`s in the overview, funding
 * and technology sections, `tile-highlight`s on the people tab and the funding rounds table. Returns null when
 * no name is rendered (nothing to go on). The caller checks the DOM's identity first.
 */
export function readTileLayout(doc: Document): RawFacts | null {
  const name = visibleText(doc.querySelector(ENTITY_NAME));
  if (!name) return null;

  const raw: RawFacts = { name };
  const baseUrl = doc.baseURI;

  // Only the profile's own sections: other parts of the page (e.g. similar companies) describe other organisations.
  for (const section of [OVERVIEW_DETAILS, FUNDING_CARD, TECHNOLOGY_HIGHLIGHTS]) {
    for (const tile of Array.from(doc.querySelectorAll(`${section} ${TILE_FIELD}`))) {
      const fact = TILE_LABELS[tileLabel(tile) ?? ''];
      const value = tile.querySelector(FIELD_VALUE);
      if (fact && value && raw[fact] === undefined) setFact(raw, fact, value, baseUrl);
    }
  }

  // People tab: `<tile-highlight label="Headcount">` (the label is an attribute).
  for (const highlight of Array.from(doc.querySelectorAll(PEOPLE_HIGHLIGHTS))) {
    const fact = TILE_LABELS[normaliseLabel(highlight.getAttribute(HIGHLIGHT_LABEL_ATTR))];
    const value = highlight.querySelector(FIELD_VALUE);
    if (fact && value && raw[fact] === undefined) setFact(raw, fact, value, baseUrl);
  }

  const rounds = fundingRounds(doc, name);
  if (rounds.length > 0) {
    raw.signals = fundingSignals(rounds);
    raw.lastFundingDate ??= latestRoundDate(rounds);
  }
  return raw;
}

/** A tile-field's label: its text outside the value (`field-formatter`). */
function tileLabel(tile: Element): string | undefined {
  const copy = tile.cloneNode(true) as Element;
  for (const value of Array.from(copy.querySelectorAll(FIELD_VALUE))) value.remove();
  return normaliseLabel(visibleText(copy));
}

function normaliseLabel(label: string | null | undefined): string {
  return (label ?? '').replace(/:$/, '').trim().toLowerCase();
}

/** Reads one labelled value the way its fact needs: links for URLs, items for lists, text otherwise. */
function setFact(raw: RawFacts, fact: DomFact, value: Element, baseUrl: string): void {
  if (isLockedValue(value)) return;
  switch (fact) {
    case 'domain':
      raw.domain = httpLink(value, baseUrl) ?? visibleText(value);
      break;
    case 'linkedinUrl':
      raw.linkedinUrl = httpLink(value, baseUrl);
      break;
    case 'industry':
    case 'technologies': {
      const items = listTexts(value);
      raw[fact] = items.length > 0 ? items : visibleText(value);
      break;
    }
    case 'lastFundingDate': {
      const shown = visibleText(value);
      raw.lastFundingDate = shown ? toIsoDate(shown) : undefined;
      break;
    }
    default:
      raw[fact] = visibleText(value);
  }
  if (raw[fact] === undefined) delete raw[fact];
}

/** Rows of `#funding_rounds table.card-grid`; columns are found by their header text. */
function fundingRounds(doc: Document, companyName: string): FundingRound[] {
  const table = doc.querySelector(FUNDING_ROUNDS_TABLE);
  if (!table) return [];

  const columns: Partial<Record<'date' | 'name' | 'amount', number>> = {};
  Array.from(table.querySelectorAll('thead th')).forEach((header, index) => {
    const role = ROUND_COLUMNS[normaliseLabel(visibleText(header))];
    if (role && columns[role] === undefined) columns[role] = index;
  });
  if (columns.date === undefined) return [];

  const rounds: FundingRound[] = [];
  for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
    const cells = Array.from(row.querySelectorAll('td'));
    const cell = (role: 'date' | 'name' | 'amount') => {
      const index = columns[role];
      return index === undefined ? undefined : visibleText(cells[index]);
    };
    const shownDate = cell('date');
    const date = shownDate ? toIsoDate(shownDate) : undefined;
    if (!date) continue;
    const amount = cell('amount');
    rounds.push({
      date,
      label: roundLabel(cell('name'), companyName),
      // "—" marks an undisclosed amount.
      amount: amount && /\d/.test(amount) ? amount : undefined,
    });
  }
  return rounds;
}
