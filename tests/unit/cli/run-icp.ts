import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../../cli/run';
import type { CliIo } from '../../../cli/io';

/**
 * Helpers for the CLI tests. runIcp runs a command line in-process through the CLI's IO interface (a fraction of a
 * second per case); spawnIcp starts the real launcher (bin/icp.mjs) as a child process, for one smoke test per
 * command and for what only a process shows (peak memory).
 */

export const ICP_BIN = resolve(__dirname, '../../../bin/icp.mjs');

export interface IcpRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  stdin?: string;
  env?: Record<string, string>;
}

/** Collects a stream's text. */
function collect(stream: PassThrough): () => string {
  let text = '';
  stream.setEncoding('utf8').on('data', (d: string) => (text += d));
  return () => text;
}

/** In-process: same arguments, stdin, files and exit code as the binary, without starting Node. */
export async function runIcp(args: string[], options: RunOptions = {}): Promise<IcpRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = {
    stdin: Object.assign(Readable.from([options.stdin ?? '']), { isTTY: false }),
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
  };
  let code: number;
  try {
    code = await runCli(args, io);
  } catch (error) {
    // What Node does with an uncaught error in the binary: print it, exit 1.
    stderr.write(String((error as Error).stack ?? error));
    code = 1;
  }
  await new Promise((done) => setImmediate(done)); // let the collectors read what was written last
  return { code, stdout: out(), stderr: err() };
}

/** The real binary, as a child process. */
export function spawnIcp(args: string[], options: RunOptions = {}): Promise<IcpRun> {
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
