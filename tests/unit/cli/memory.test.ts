import { createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnIcp, tempDir } from './run-icp';

/**
 * Bounded memory: `icp score` streams. Not a timing test: we compare peak memory (reported by the CLI with
 * ICP_REPORT_RSS=1) on a file far bigger than the limit with the same command on a one-row file.
 */
const ROWS = 200_000;
const NOTE = 'Long free-text note from the CRM, the kind that makes exports heavy. '.repeat(10); // ~690 chars
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeCsv(path: string, rows: number) {
  const out = createWriteStream(path);
  let buffer = 'Company Name,Website,Number of Employees,Billing Country,Industry,Technologies,Notes\n';
  for (let i = 0; i < rows; i++) {
    buffer += `Company ${i},company${i}.com,${50 + (i % 5000)},${i % 3 ? 'US' : 'Germany'},Software Development,"Salesforce; Snowflake","${NOTE}${i}"\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const peakRssMb = (stderr: string) => {
  const match = /peak RSS (\d+) KB/.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return Number(match![1]) / 1024;
};

describe('icp score memory', () => {
  it('scores a 200k-row file in bounded memory', async () => {
    await writeCsv(join(dir, 'small.csv'), 1);
    await writeCsv(join(dir, 'big.csv'), ROWS);
    const bigMb = statSync(join(dir, 'big.csv')).size / 1024 / 1024;
    expect(bigMb).toBeGreaterThan(140); // held as rows (plus the scored copy) this would need far more than 300 MB

    const env = { ICP_REPORT_RSS: '1' };
    const small = await spawnIcp(['score', '--now', '2025-06-01', 'small.csv', '--out', 'small-out.csv'], { cwd: dir, env });
    const big = await spawnIcp(['score', '--now', '2025-06-01', 'big.csv', '--out', 'big-out.csv'], { cwd: dir, env });
    expect(big.code, big.stderr).toBe(0);
    expect(big.stderr).toMatch(new RegExp(`scored ${ROWS} rows`));
    expect(statSync(join(dir, 'big-out.csv')).size).toBeGreaterThan(statSync(join(dir, 'big.csv')).size);

    const baseline = peakRssMb(small.stderr);
    const peak = peakRssMb(big.stderr);
    console.log(`memory: ${bigMb.toFixed(0)} MB file, peak RSS ${peak.toFixed(0)} MB (one-row file: ${baseline.toFixed(0)} MB)`);
    expect(peak).toBeLessThan(300);
    // Memory does not grow with the file: the big run needs little more than the one-row run.
    expect(peak - baseline).toBeLessThan(bigMb / 2);
  }, 120_000);
});
