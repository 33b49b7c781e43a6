// The real clients the end-to-end tests drive besides Chromium (test/helpers/chromium.ts). CI
// installs them (.ci/run: awscli, libreoffice-calc-nogui); a missing one fails the test with what to install.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { localCliEnv } from '../../../local/contract.ts';
import { sofficeConvert } from '../../helpers/soffice.ts';

const run = promisify(execFile);

// A pyenv `aws` (CLI v1) may shadow Debian's on PATH; the tests use Debian's v2 by its path.
const AWS_CLI = '/usr/bin/aws';

const missing = (what: string, path: string, pkg: string): Error =>
  new Error(`${what} is needed by this test but ${path} was not found. Install it with: apt-get install -y --no-install-recommends ${pkg}`);

/** Runs Debian's AWS CLI v2 against a local endpoint with dummy credentials. */
const awsCli = async (args: readonly string[], endpoint: string): Promise<{ stdout: string; stderr: string }> => {
  if (!existsSync(AWS_CLI)) throw missing('The AWS CLI v2', AWS_CLI, 'awscli');
  return run(AWS_CLI, [...args, '--endpoint-url', endpoint], {
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...localCliEnv(), AWS_PAGER: '', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
    timeout: 120_000,
  });
};

/**
 * One sheet of a workbook as CSV, converted by LibreOffice headless: sheet number `sheet`
 * (1-based), values at full precision rather than as formatted.
 */
const sheetAsCsv = async (workbook: Buffer, sheet: number): Promise<string> => {
  // Tokens: separator, quote, UTF-8, start row, formats, language, quoted-as-text,
  // detect-special, as-shown (false: full precision), formulas, trim, sheet number.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`;
  const files = [...(await sofficeConvert(workbook, 'book.xlsx', filter, 180_000))].filter(([name]) => name.endsWith('.csv'));
  if (files.length !== 1 || !files[0]) throw new Error(`LibreOffice wrote ${files.length} CSV files: ${files.map(([name]) => name).join(', ')}`);
  // LibreOffice ends records with LF; the tests' strict RFC 4180 reader wants CRLF.
  return files[0][1].toString('utf8').replace(/\r?\n/g, '\r\n');
};

export { awsCli, sheetAsCsv, AWS_CLI };
