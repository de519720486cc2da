/**
 * The delimiter of a CSV, read from its header line only. Papaparse's own guess looks at the first rows and is
 * fooled by exports whose cells hold unquoted ";" lists (HubSpot's "salesforce;hubspot" multi-selects): the header
 * names every column and holds no such lists, so it tells the delimiter. Quoted parts of the line are skipped.
 */
const CANDIDATES = [',', ';', '\t', '|'] as const;

export function headerDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (i > 0 && [...counts.values()].some((n) => n > 0)) break; // the header line ends here
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}
