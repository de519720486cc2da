import { describe, expect, it } from 'vitest';
import { derive } from '../../../lib/builder/derive';
import { computeMetrics, defaultAsOf } from '../../../lib/builder/metrics';
import { parseOutcomesCsv } from '../../../lib/builder/outcomes';
import { generateOutcomes, rowsToCsv } from '../../../lib/builder/synthetic';
import { checkModel } from '../../../lib/model/validate';

/** Synthetic outcomes with absurd amounts planted in won deals (issue 15: one `Initial ARR` of 1e308 among 2,944). */
function withAbsurd(values: string[], everyNth: number) {
  const rows = generateOutcomes({ seed: 42, deals: 3000 });
  const planted: number[] = [];
  rows.forEach((row, i) => {
    if (planted.length < values.length && row['Opportunity Stage'] === 'Closed Won' && i % everyNth === 0) {
      row['Initial ARR'] = values[planted.length];
      planted.push(i + 2); // line: header is line 1
    }
  });
  return { csv: rowsToCsv(rows), planted };
}

const finite = (value: unknown): boolean =>
  typeof value === 'number' ? Number.isFinite(value) : Array.isArray(value) ? value.every(finite) : value && typeof value === 'object' ? Object.values(value).every(finite) : true;

describe('absurd amounts in outcomes (issue 15)', () => {
  it('reports each amount outside the plausible range by line and leaves the row out', () => {
    const { csv, planted } = withAbsurd(['1e308', '-250', 'NaN', '2e12', '$5,000,000,000,000'], 7);
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.bad.map((b) => b.line)).toEqual(expect.arrayContaining(planted));
    const byLine = new Map(parsed.bad.map((b) => [b.line, b.message]));
    expect(byLine.get(planted[0])).toBe('initial ARR "1e308" is out of the plausible range (0 to 1e+12); left out');
    expect(byLine.get(planted[1])).toBe('initial ARR "-250" is negative');
    expect(byLine.get(planted[2])).toBe('initial ARR "NaN" is not an amount');
    expect(byLine.get(planted[4])).toMatch(/out of the plausible range/);
    expect(parsed.records.every((r) => r.initialArr === undefined || r.initialArr <= 1e12)).toBe(true);
  });

  it('keeps metrics finite and derives a valid model, with 30 rows of 1e308', () => {
    const { csv } = withAbsurd(new Array<string>(30).fill('1e308'), 3);
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.bad.filter((b) => /1e308/.test(b.message))).toHaveLength(30);
    const asOf = defaultAsOf(parsed.records);
    const metrics = computeMetrics(parsed.records, { asOf });
    expect(finite(metrics)).toBe(true);
    expect(metrics.nrr).toBeGreaterThan(0.5);
    const { proposal, analysis } = derive(parsed.records, { asOf });
    expect(checkModel(proposal.model).ok).toBe(true);
    expect(finite(analysis.baseline)).toBe(true);
    expect(proposal.model.criteria.every((c) => c.points === undefined || c.points < 1000)).toBe(true);
  });

  it('reports a lost deal with an absurd amount as a warning and keeps the row without the amount', () => {
    const csv = 'Opportunity Stage,Close Date,Initial ARR\nClosed Lost,2024-01-01,1e308\n';
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.records).toEqual([expect.objectContaining({ line: 2, stage: 'lost' })]);
    expect(parsed.records[0].initialArr).toBeUndefined();
    expect(parsed.warnings).toEqual([{ line: 2, message: 'initial ARR "1e308" is out of the plausible range (0 to 1e+12); left out' }]);
  });
});

describe('a proposal that fails validation (issue 15)', () => {
  it('is reported as an input problem naming what failed, never as a builder bug', () => {
    const parsed = parseOutcomesCsv(rowsToCsv(generateOutcomes({ seed: 42, deals: 3000 })));
    const asOf = defaultAsOf(parsed.records);
    let message = '';
    try {
      derive(parsed.records, { asOf, id: 'Not an id!', name: '' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^the proposed model does not pass validation, so the input holds values it cannot use .*: id: /);
    expect(message).not.toMatch(/bug/);
  });
});
