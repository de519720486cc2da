/** Calendar quarters as the review names them: "2026-Q1". */

export const quarterOf = (isoDate: string): string => {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
};

/** First and last day (ISO) of a quarter. */
export function quarterBounds(quarter: string): { start: string; end: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(-1));
  const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { start, end };
}

/** Every quarter from the one holding `from` to the one holding `to`, in order (empty quarters included). */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let q = Number(quarterOf(from).slice(-1));
  const last = quarterOf(to);
  for (let guard = 0; guard < 400; guard++) {
    const name = `${year}-Q${q}`;
    out.push(name);
    if (name >= last) break;
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year++;
  }
  return out;
}
