// `dualtrack process PATH... --out DIR`: the whole pipeline on one machine, over a folder store.
// Each workbook is filed under the ally it names, copied into DIR/uploads as an officer would
// upload it, ingested, and then one release is published to DIR/public.
//
// Upload time is the file's modification time: it orders resubmissions the way an officer
// expects (the file saved last wins) and, together with the bytes, fixes the submission id, so
// running the command again on the same files finds every upload already processed and the
// same digest, and publishes nothing new.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, guardUpload, readSubmission } from '../../shared/ingest/index.ts';
import { HAGUE_2025, RulesSchema } from '../../shared/model/index.ts';
import type { Finding, Receipt, Rules } from '../../shared/model/index.ts';
import { currentRecords, processUpload, publish, referenceFromFx } from '../../shared/pipeline/index.ts';
import type { PublishOutcome } from '../../shared/pipeline/index.ts';
import { loadFxTable } from '../../shared/reference/index.ts';
import { ComplianceDatasetSchema } from '../../shared/report/index.ts';
import type { ComplianceDataset } from '../../shared/report/index.ts';
import { BucketRole, createFolderStorage, publicKeys, uploadsKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

const usage = `Usage: npm run dualtrack -- process PATH... --out DIR [--reporting-year Y] [--rules FILE]

Runs the pipeline locally: every .xlsx and .csv file in the PATHs (files, or folders searched
recursively) is filed under the ally it names, ingested with a receipt, and one release is
published to DIR/public (DIR/uploads and DIR/data hold the uploads, receipts and stored
submissions). Running it again on the same files publishes nothing new.
  --out DIR             the folder store (created if missing)
  --reporting-year Y    the year the standings are about (default: the latest year at least
                        half the allies with armed forces report)
  --rules FILE          a rules file (JSON) instead of the default ${HAGUE_2025.id}
Exit code: 0 published or nothing changed, 1 every file was rejected, 2 bad usage.`;

const SUBMISSION_EXTENSIONS = /\.(xlsx|csv)$/i;
const MAX_FINDINGS_SHOWN = 3;

interface Options {
  paths: string[];
  out: string;
  reportingYear?: number;
  rules?: string;
}

const parse = (args: string[]): Options => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { out: { type: 'string' }, 'reporting-year': { type: 'string' }, rules: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to process');
  if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required');
  const options: Options = { paths: positionals, out: values.out };
  const year = values['reporting-year'];
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--reporting-year must be a year, not "${year}"`);
    options.reportingYear = Number(year);
  }
  if (values.rules !== undefined) options.rules = values.rules;
  return options;
};

const loadRules = async (path: string | undefined): Promise<Rules> => {
  if (path === undefined) return HAGUE_2025;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the rules file ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const result = RulesSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new UsageError(`${path} is not a valid rules file (${problems.join('; ')}); check it with \`dualtrack rules --file\``);
  }
  return result.data;
};

/** Files named explicitly are taken whatever their type (so a .xls gets its refusal); folders give .xlsx/.csv. */
const collectFiles = async (paths: readonly string[], cwd: string): Promise<string[]> => {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = resolve(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && SUBMISSION_EXTENSIONS.test(e.name) && !e.name.startsWith('~$')) found.add(full);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    const s = await stat(full).catch(() => null);
    if (!s) throw new UsageError(`no such file or folder: ${p}`);
    if (s.isDirectory()) await walk(full);
    else found.add(full);
  }
  return [...found].sort();
};

const findingLine = (f: Finding | Pick<Finding, 'severity' | 'code' | 'message'>): string => {
  const where = 'sheet' in f && f.sheet ? ` ${f.sheet}${f.cell ? `!${f.cell}` : ''}` : '';
  return `    - ${f.severity} ${f.code}${where}: ${f.message}`;
};

const yearsText = (years: readonly number[]): string => {
  if (years.length === 0) return 'no years';
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}-${sorted.at(-1)}`;
};

const receiptLines = (file: string, receipt: Receipt, duplicate: boolean): string[] => {
  const { errors, warnings } = receipt.counts;
  const head = `${receipt.status.padEnd(22)} ${receipt.ally ?? '---'}  ${yearsText(receipt.years)}  ${errors} error(s), ${warnings} warning(s)  ${file}${duplicate ? '  (already processed)' : ''}`;
  return [head, ...receipt.findings.slice(0, MAX_FINDINGS_SHOWN).map(findingLine)];
};

const refusedLines = (file: string, findings: readonly Pick<Finding, 'severity' | 'code' | 'message'>[]): string[] => [
  `${'rejected'.padEnd(22)} ---  no years  ${findings.filter((f) => f.severity === 'error').length} error(s)  ${file}`,
  ...findings.slice(0, MAX_FINDINGS_SHOWN).map(findingLine),
];

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(2));

/** One row per ally with figures for the reporting year; the others are counted, not listed. */
const standingsLines = (dataset: ComplianceDataset): string[] => {
  const year = dataset.release.reportingYear;
  const header = ['ally', 'core %', 'security %', 'combined %', 'core', 'security', 'combined', '2%'];
  const reporting = dataset.allies.flatMap((a) => {
    const y = a.years.find((r) => r.year === year);
    return y ? [{ iso3: a.iso3, y }] : [];
  });
  const rows = reporting.map(({ iso3, y }) => [
    iso3,
    pct(y.corePct),
    pct(y.securityPct),
    pct(y.combinedPct),
    y.tracks.core.status,
    y.tracks.security.status,
    y.tracks.combined.status,
    y.legacy.twoPercent === true ? 'yes' : y.legacy.twoPercent === false ? 'no' : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const silent = dataset.allies.length - reporting.length;
  return [
    `Standings in ${year} (rules ${dataset.release.rulesId}, release ${dataset.release.number}):`,
    line(header),
    ...rows.map(line),
    ...(silent > 0 ? [`(${silent} other ${silent === 1 ? 'ally has' : 'allies have'} no figures for ${year})`] : []),
  ];
};

const readLatestDataset = async (storage: Storage): Promise<ComplianceDataset | null> => {
  const obj = await storage.get(BucketRole.public, `${publicKeys.latestPrefix}compliance.json`);
  if (!obj) return null;
  const parsed = ComplianceDatasetSchema.safeParse(JSON.parse(obj.body.toString('utf8')));
  return parsed.success ? parsed.data : null;
};

/** Files one input: refusal, ally peek, copy into uploads, ingest. True when it was accepted. */
const processFile = async (path: string, storage: Storage, rules: Rules, now: Date, io: CliIo): Promise<boolean> => {
  const fileName = basename(path);
  const bytes = await readFile(path);
  const guarded = await guardUpload(bytes, fileName, DEFAULT_LIMITS);
  if (!guarded.ok) {
    io.out(refusedLines(path, guarded.findings).join('\n'));
    return false;
  }
  const peek = await readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS });
  if (!peek.ally) {
    io.out(
      refusedLines(path, [
        { severity: 'error', code: 'no-ally', message: 'The file names no ally: put the ally (name or ISO3 code) beside an "Ally" label above the table.' },
      ]).join('\n'),
    );
    return false;
  }
  const key = uploadsKeys.submission(peek.ally, fileName);
  const { mtime } = await stat(path);
  await storage.put(BucketRole.uploads, key, bytes);
  const outcome = await processUpload({ storage, key, uploadedAt: mtime, rules, now });
  if (!outcome.receipt) {
    io.out(`${'ignored'.padEnd(22)} ${peek.ally}  ${path}: ${outcome.ignored}`);
    return false;
  }
  io.out(receiptLines(path, outcome.receipt, outcome.duplicate).join('\n'));
  return outcome.receipt.status !== 'rejected';
};

// The files a reader opens first; the rest of the release folder is counted.
const HEADLINE_FILES = ['compliance.json', 'compliance.xlsx', 'compliance.csv', 'changes.json'];

const publishedLines = (outcome: PublishOutcome, out: string): string[] => {
  if (!outcome.published || outcome.release === null) {
    return [`Nothing changed: release ${outcome.release ?? '-'} is still the latest (same digest); nothing was published.`];
  }
  const path = (key: string) => resolve(out, BucketRole.public, ...key.split('/'));
  const releaseKeys = outcome.written.filter((k) => k.startsWith(publicKeys.releasePrefix(outcome.release ?? 0)));
  const headline = HEADLINE_FILES.map((f) => publicKeys.releaseFile(outcome.release ?? 0, f)).filter((k) => releaseKeys.includes(k));
  return [
    `Published release ${outcome.release} (${releaseKeys.length} files in ${path(publicKeys.releasePrefix(outcome.release))}, copied to ${path(publicKeys.latestPrefix)}):`,
    ...headline.map((k) => `  ${path(k)}`),
    `  ${path(publicKeys.releasesIndex)}`,
    `  ${path(publicKeys.indexHtml)}`,
  ];
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const options = parse(args);
  const rules = await loadRules(options.rules === undefined ? undefined : resolve(io.cwd, options.rules));
  const files = await collectFiles(options.paths, io.cwd);
  if (files.length === 0) throw new UsageError('found no .xlsx or .csv file in the paths given');
  const out = resolve(io.cwd, options.out);
  const storage = createFolderStorage(out);
  const now = new Date();

  io.out(`Receipts (${files.length} file(s)):`);
  let accepted = 0;
  for (const f of files) if (await processFile(f, storage, rules, now, io)) accepted += 1;

  if ((await currentRecords(storage)).length === 0) {
    io.out('No accepted submission in the store: nothing to publish.');
    return 1;
  }
  const outcome = await publish({
    storage,
    rules,
    reference: referenceFromFx(loadFxTable(undefined, io.env)),
    trigger: 'cli',
    ...(options.reportingYear === undefined ? {} : { reportingYear: options.reportingYear }),
    now,
  });
  const dataset = await readLatestDataset(storage);
  io.out('');
  if (dataset) io.out(standingsLines(dataset).join('\n'));
  io.out('');
  io.out(publishedLines(outcome, out).join('\n'));
  return accepted === 0 ? 1 : 0;
};

const command: CliCommand = {
  name: 'process',
  summary: 'ingest workbooks and publish a release into a local folder',
  usage,
  run,
};

export { command };
