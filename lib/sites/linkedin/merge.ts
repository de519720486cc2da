import type { RawFacts, RawFactName } from '../../facts/raw';

/** Headquarters facts travel together: a structured address from one source is not mixed with another's text. */
const HQ_FACTS: RawFactName[] = ['hqLocation', 'hqCity', 'hqRegion', 'hqCountry'];

function hasValue(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** First value per fact wins; the HQ group is taken whole from the first source that has any part of it. */
export function mergeRaw(sources: RawFacts[]): RawFacts {
  const merged: RawFacts = {};
  let hqTaken = false;
  for (const source of sources) {
    const hasHq = HQ_FACTS.some((k) => hasValue(source[k]));
    for (const [key, value] of Object.entries(source) as [RawFactName, unknown][]) {
      if (!hasValue(value)) continue;
      if (HQ_FACTS.includes(key)) {
        if (!hqTaken) merged[key] = value;
      } else if (!(key in merged)) merged[key] = value;
    }
    if (hasHq) hqTaken = true;
  }
  return merged;
}
