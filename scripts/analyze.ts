/**
 * npm run --silent analyze -- --url <page-url> <file>
 *
 * Runs the extension's readers and metrics in Node on a saved page (HTML) or a JSON body the
 * page carried, and prints one JSON object (see README.md). Exit 2 with one line on stderr when
 * the file or the URL cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeText } from '../lib/analyze-file';

const MAX_BYTES = 64 * 1024 * 1024;

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(2);
}

function main(): void {
  let args;
  try {
    args = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    fail(`${(e as Error).message}. Usage: analyze --url <page-url> <file>`);
  }
  const url = args.values.url;
  const file = args.positionals[0];
  if (!url || !file || args.positionals.length > 1) fail('usage: analyze --url <page-url> <file>');

  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_BYTES) fail(`${file} is larger than 64 MB`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `no such file: ${file}` : code === 'EISDIR' ? `${file} is a folder, not a file` : `cannot read ${file} (${code ?? 'error'})`);
  }

  let result;
  try {
    result = analyzeText(text, url);
  } catch (e) {
    // The readers are written never to throw; this is the last safety net, still one line.
    fail(`could not analyse ${file}: ${(e as Error).message}`);
  }
  if (!result.ok) fail(result.error);
  process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
}

main();
