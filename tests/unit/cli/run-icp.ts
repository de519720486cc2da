import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Helpers for the CLI tests: run the real `icp` launcher as a child process, from a temp dir. */

export const ICP_BIN = resolve(__dirname, '../../../bin/icp.mjs');

export interface IcpRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runIcp(args: string[], options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {}): Promise<IcpRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ICP_BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A fresh temp dir with the given files written into it. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export const lines = (text: string) => text.split('\n').filter((l) => l !== '');
