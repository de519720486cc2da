import { describe, expect, it } from 'vitest';
import { parseFundingStage } from '../../../lib/facts/normalise/funding';
import { FUNDING_STAGES } from '../../../lib/facts/vocabulary';

describe('parseFundingStage', () => {
  it.each<[string, string]>([
    ['Series B', 'series-b'],
    ['series_b', 'series-b'],
    ['SERIES_B', 'series-b'],
    ['Series A round', 'series-a'],
    ['Series C', 'series-c'],
    ['Series D', 'series-d'],
    ['Series E', 'series-e-plus'],
    ['Series F', 'series-e-plus'],
    ['series_j', 'series-e-plus'],
    ['Venture - Series Unknown', 'series-unknown'],
    ['series_unknown', 'series-unknown'],
    ['Seed', 'seed'],
    ['Seed Round', 'seed'],
    ['Pre-Seed', 'pre-seed'],
    ['pre_seed', 'pre-seed'],
    ['Angel', 'seed'],
    ['Convertible Note', 'seed'], // decided in funding.ts: mostly early-stage financing
    ['convertible_note', 'seed'],
    ['Private Equity', 'private-equity'],
    ['Debt Financing', 'debt'],
    ['debt_financing', 'debt'],
    ['Grant', 'grant'],
    ['Non-equity Assistance', 'grant'],
    ['IPO', 'public'],
    ['Post-IPO Equity', 'public'],
    ['post_ipo_debt', 'public'],
    ['Acquired', 'acquired'],
    ['Bootstrapped', 'bootstrapped'],
    ['Corporate Round', 'other'],
    ['Equity Crowdfunding', 'other'],
    ['Undisclosed', 'other'],
  ])('%j → %s', (input, expected) => {
    expect(parseFundingStage(input)).toBe(expected);
  });

  it.each(FUNDING_STAGES.map((s) => [s]))('keeps the normal value %s', (stage) => {
    expect(parseFundingStage(stage)).toBe(stage);
  });

  it.each<[string]>([['blah'], [''], ['Series'], ['Series AA'], ['Founded 2015']])('rejects %j', (input) => {
    expect(parseFundingStage(input)).toBeUndefined();
  });
});
