// The standings `process` prints after publishing: one row per ally with figures for the
// reporting year (the three tracks' ratios and statuses, and the 2% guideline); allies
// without figures are counted, not listed.
import type { ComplianceDataset } from '../../shared/report/index.ts';

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(2));

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

export { standingsLines };
