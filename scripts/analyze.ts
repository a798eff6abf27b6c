/**
 * npm run --silent analyze -- --url <page-url> <file> [<file>…]
 *
 * Runs the extension's readers and metrics in Node on one page and prints one JSON object (see
 * README.md). The files are what the page received, in any order: its document (HTML) and the
 * JSON bodies its web client fetched — or one HAR file of the page ("Save all as HAR"). Exit 2
 * with one line on stderr when a file or the URL cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeFiles, type InputFile } from '../lib/analyze-file';

const MAX_BYTES = 64 * 1024 * 1024;
const USAGE = 'usage: analyze --url <page-url> <file> [<file>…]';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(2);
}

/** The text of a regular file; anything else (a FIFO, a device, a socket, a folder) is refused before it is opened. */
function readInput(file: string, budget: number): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) fail(`${file} is a folder, not a file`);
    // Reading a FIFO or /dev/zero would block or never end.
    if (!stat.isFile()) fail(`${file} is not a regular file (a pipe, a device or a socket cannot be read)`);
    size = stat.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? 'error'})`);
  }
  if (size > MAX_BYTES) fail(`${file} is larger than 64 MB`);
  if (size > budget) fail('the files together are larger than 64 MB');
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'EISDIR' ? `${file} is a folder, not a file` : `cannot read ${file} (${code ?? 'error'})`);
  }
}

function main(): void {
  let args;
  try {
    args = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    fail(`${(e as Error).message}. Usage: analyze --url <page-url> <file> [<file>…]`);
  }
  const url = args.values.url;
  const paths = args.positionals;
  if (!url || paths.length === 0) fail(USAGE);

  const files: InputFile[] = [];
  let budget = MAX_BYTES;
  for (const path of paths) {
    const text = readInput(path, budget);
    budget -= Buffer.byteLength(text, 'utf8');
    files.push({ name: path, text });
  }

  let result;
  try {
    result = analyzeFiles(files, url);
  } catch (e) {
    // The readers are written never to throw; this is the last safety net, still one line.
    fail(`could not analyse ${paths.join(', ')}: ${(e as Error).message}`);
  }
  if (!result.ok) fail(result.error);
  process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
}

main();
