import { describe, expect, it } from 'vitest';
import { cellValue, formatUnknownStages, parseMapOptions, readChurnFlag, readStage, readYesNo } from '../../../lib/mapping';

describe('readStage', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['Closed - Won', 'won'],
    ['closed_won', 'won'],
    ['6 - Closed Won', 'won'],
    ['Won', 'won'],
    ['Gewonnen', 'won'],
    ['Closed Lost', 'lost'],
    ['closedlost', 'lost'],
    ['Closed/Lost', 'lost'],
    ['Lost - No budget', 'lost'],
    ['appointmentscheduled', 'open'],
    ['Negotiation/Review', 'open'],
    ['Id. Decision Makers', 'open'],
    ['2 - Qualification', 'open'],
    ['87654321', 'unknown'],
    ['Signed contract, pending', 'won'],
    ['Closed', 'unknown'],
  ])('%s → %s', (text, reading) => {
    expect(readStage(text)).toBe(reading);
  });

  it('is empty for an empty cell, and takes the user\'s own won / lost values first', () => {
    expect(readStage('  ')).toBeUndefined();
    expect(readStage('87654321', { won: ['87654321'] })).toBe('won');
    expect(readStage('Closed-Won', { lost: ['closed won'] })).toBe('lost');
  });

  it('lists unknown stage values with their counts, most frequent first', () => {
    expect(formatUnknownStages(new Map([['12345', 3], ['closed', 212]]))).toBe(
      'closed ×212, 12345 ×3 not recognised as won or lost (read as open); use --won/--lost or map them',
    );
    expect(formatUnknownStages(new Map())).toBeUndefined();
  });
});

describe('churn flags and yes/no', () => {
  it.each([
    ['Churned', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['Cancelled', true],
    ['Active', false],
    ['No', false],
    ['0', false],
    ['Renewed', false],
    ['maybe', undefined],
  ])('%s → %s', (text, churned) => {
    expect(readChurnFlag(text)).toBe(churned);
  });

  it('reads Salesforce and HubSpot booleans', () => {
    expect(readYesNo('true')).toBe(true);
    expect(readYesNo('false')).toBe(false);
    expect(readYesNo('Y')).toBe(true);
    expect(readYesNo('')).toBeUndefined();
  });
});

describe('scaled cells', () => {
  it('multiplies every number of a thousands column', () => {
    expect(cellValue({ scale: 1000 }, '48,000')).toBe('48000000');
    expect(cellValue({ scale: 1000 }, '$1,000 - 5,000')).toBe('$1000000 - 5000000');
    expect(cellValue({ scale: 1000 }, '2.5')).toBe('2500');
    expect(cellValue({}, '48,000')).toBe('48,000');
  });
});

describe('--map', () => {
  it('reads Header=target, the last "=" separating them', () => {
    expect(parseMapOptions(['Acct Domain=domain', '"ACV = USD"=initialArr', 'Notes=custom', 'X=custom.my_x'])).toEqual({
      'Acct Domain': 'domain',
      'ACV = USD': 'initialArr',
      Notes: 'custom',
      X: 'custom.my_x',
    });
  });
  it('refuses an unknown target, naming the choices', () => {
    expect(() => parseMapOptions(['Acct=domian'])).toThrow(/--map expects .*domain.*got "Acct=domian"/);
    expect(() => parseMapOptions(['=domain'])).toThrow(/--map expects/);
  });
});
