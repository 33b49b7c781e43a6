// The page's chart: one horizontal stacked bar per ally for the reporting year (core, then
// security-related counted towards the combined target, then any security-related spending
// above the cap), with vertical lines at the targets. Plain SVG, no script, readable by screen
// readers through <title>/<desc> and an aria-label on every bar group.
import type { ComplianceDataset } from './dataset.ts';
import { escapeHtml } from './escape-html.ts';
import { formatPct } from './presentation.ts';
import { standings } from './standings.ts';

const COLOURS = { core: '#1f77b4', security: '#ff7f0e', excess: '#ffbb78', target: '#333333', grid: '#dddddd' } as const;
const LAYOUT = { label: 180, bars: 560, right: 20, top: 40, row: 22, bar: 14, bottom: 50 } as const;

// Where each legend entry starts (px from the bars' left edge); the middle label is the longest.
const LEGEND_OFFSETS = [-150, -30, 250] as const;

const n = (v: number) => Number(v.toFixed(2));

interface Target {
  pct: number;
  label: string;
}

const targetsOf = (d: ComplianceDataset): Target[] => [
  { pct: d.rules.legacy.gdpPct, label: `${d.rules.legacy.gdpPct}% (Wales 2014)` },
  { pct: d.rules.tracks.core.target, label: `${d.rules.tracks.core.target}% core` },
  { pct: d.rules.tracks.combined.target, label: `${d.rules.tracks.combined.target}% combined` },
];

/** The chart as an SVG element (a string of markup; every text in it is escaped). */
const renderChart = (dataset: ComplianceDataset): string => {
  const rows = standings(dataset);
  const targets = targetsOf(dataset);
  const totals = rows.map((s) => (s.year?.corePct ?? 0) + (s.year?.securityPct ?? 0));
  const max = Math.ceil(Math.max(...targets.map((t) => t.pct), ...totals) + 0.5);
  const x = (pct: number) => n(LAYOUT.label + (pct / max) * LAYOUT.bars);
  const width = LAYOUT.label + LAYOUT.bars + LAYOUT.right;
  const height = LAYOUT.top + rows.length * LAYOUT.row + LAYOUT.bottom;
  const year = dataset.release.reportingYear;

  const groups = rows.map((s, i) => {
    const y = LAYOUT.top + i * LAYOUT.row;
    const core = s.year?.corePct ?? null;
    const security = s.year?.securityPct ?? null;
    const counted = s.year?.securityCountedPct ?? null;
    const excess = security !== null && counted !== null ? Math.max(0, security - counted) : 0;
    const said = s.ally.noArmedForces
      ? `${s.ally.name}: no armed forces`
      : s.year === null
        ? `${s.ally.name}: no figures for ${year}`
        : `${s.ally.name}: core ${formatPct(core)}% of GDP, security-related ${formatPct(security)}% of GDP`;
    const label = escapeHtml(said);
    const segments: string[] = [];
    let at = 0;
    const segment = (pct: number | null, fill: string, cls: string) => {
      if (pct === null || pct <= 0) return;
      segments.push(`<rect class="${cls}" x="${x(at)}" y="${y + (LAYOUT.row - LAYOUT.bar) / 2}" width="${n(x(at + pct) - x(at))}" height="${LAYOUT.bar}" fill="${fill}"/>`);
      at += pct;
    };
    segment(core, COLOURS.core, 'core');
    segment(counted, COLOURS.security, 'security');
    segment(excess, COLOURS.excess, 'excess');
    const note = s.ally.noArmedForces ? 'no armed forces' : s.year === null ? 'no figures' : '';
    return [
      `<g class="ally-bar" data-iso3="${escapeHtml(s.ally.iso3)}" aria-label="${label}">`,
      `<title>${label}</title>`,
      `<text x="${LAYOUT.label - 6}" y="${y + LAYOUT.row / 2 + 4}" text-anchor="end">${escapeHtml(s.ally.name)}</text>`,
      ...segments,
      note ? `<text x="${LAYOUT.label + 4}" y="${y + LAYOUT.row / 2 + 4}" class="muted">${note}</text>` : '',
      '</g>',
    ].join('');
  });

  const bottom = LAYOUT.top + rows.length * LAYOUT.row;
  const ticks = Array.from({ length: max + 1 }, (_, k) => k).map(
    (k) =>
      `<line x1="${x(k)}" y1="${LAYOUT.top}" x2="${x(k)}" y2="${bottom}" stroke="${COLOURS.grid}"/><text x="${x(k)}" y="${bottom + 14}" text-anchor="middle">${k}%</text>`,
  );
  const lines = targets.map(
    (t, k) =>
      `<g class="target" aria-label="target ${escapeHtml(t.label)}"><line x1="${x(t.pct)}" y1="${LAYOUT.top - 6}" x2="${x(t.pct)}" y2="${bottom}" stroke="${COLOURS.target}" stroke-dasharray="4 3"/><text x="${x(t.pct)}" y="${LAYOUT.top - 10 - (k % 2) * 12}" text-anchor="middle">${escapeHtml(t.label)}</text></g>`,
  );
  const legendY = bottom + 34;
  const legend = [
    [COLOURS.core, 'core defence'],
    [COLOURS.security, `security-related (counted, up to ${dataset.rules.tracks.security.cap}%)`],
    [COLOURS.excess, 'security-related above the cap'],
  ]
    .map(([fill, text], k) => {
      const at = LAYOUT.label + (LEGEND_OFFSETS[k] ?? 0);
      return `<rect x="${at}" y="${legendY - 10}" width="12" height="12" fill="${fill}"/><text x="${at + 16}" y="${legendY}">${escapeHtml(text ?? '')}</text>`;
    })
    .join('');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title chart-desc" class="chart">`,
    `<title id="chart-title">Defence spending in ${year}, % of GDP, by ally</title>`,
    `<desc id="chart-desc">One bar per ally: core defence expenditure, then security-related expenditure, against dashed lines at ${targets.map((t) => escapeHtml(t.label)).join(', ')}. The table below gives the same figures.</desc>`,
    ...ticks,
    ...groups,
    ...lines,
    legend,
    '</svg>',
  ].join('\n');
};

export { renderChart };
