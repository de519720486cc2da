import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Where a command reads and writes: the process (bin/icp.mjs), or streams and a directory a test passes in, so the
 * commands run in-process without starting Node per case. Relative paths resolve against `cwd`.
 */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  /** The directory relative file names are read from and written to. */
  cwd: string;
}

export const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });

/** A file name as given on the command line, made absolute against the command's directory. */
export const pathIn = (io: CliIo, path: string) => (isAbsolute(path) ? path : resolve(io.cwd, path));

export const readTextIn = (io: CliIo, path: string) => readFile(pathIn(io, path), 'utf8');
export const writeTextIn = (io: CliIo, path: string, text: string) => writeFile(pathIn(io, path), text, 'utf8');

export const print = (io: CliIo, text: string) => void io.stdout.write(text);
export const printError = (io: CliIo, text: string) => void io.stderr.write(text);
