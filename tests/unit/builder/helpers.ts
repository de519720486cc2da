import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../../cli/io';
import type { OutcomeRecord } from '../../../lib/builder/types';

let line = 1;
/** An outcome record with defaults: a won deal closed 2022-01-01 at 100 ARR, still a customer at 100. */
export function rec(partial: Partial<OutcomeRecord> = {}): OutcomeRecord {
  return {
    line: ++line,
    facts: {},
    stage: 'won',
    closeDate: '2022-01-01',
    initialArr: 100,
    ...partial,
  };
}

/** `count` records sharing the same facts; the first `won` are won, of which the first `churned` churned. */
export function group(
  count: number,
  opts: { won: number; churned?: number; facts?: OutcomeRecord['facts']; ratio?: (i: number) => number; closeDate?: string },
): OutcomeRecord[] {
  const out: OutcomeRecord[] = [];
  for (let i = 0; i < count; i++) {
    const won = i < opts.won;
    const churned = won && i < (opts.churned ?? 0);
    out.push(
      rec({
        facts: { ...opts.facts },
        stage: won ? 'won' : 'lost',
        closeDate: opts.closeDate ?? '2022-01-01',
        initialArr: 100,
        ...(won && !churned ? { currentArr: 100 * (opts.ratio ? opts.ratio(i) : 1) } : {}),
        ...(churned ? { churnDate: '2023-01-01' } : {}),
      }),
    );
  }
  return out;
}

/** The real file system, with stdout and stderr captured. */
export function captureIo(): CliIo & { readonly out: string; readonly err: string } {
  const stdout = new PassThrough().setEncoding('utf8');
  const stderr = new PassThrough().setEncoding('utf8');
  let out = '';
  let err = '';
  stdout.on('data', (d: string) => (out += d));
  stderr.on('data', (d: string) => (err += d));
  return {
    stdin: Readable.from([]),
    stdout,
    stderr,
    cwd: process.cwd(),
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
