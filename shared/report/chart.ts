// The main page's chart: one horizontal stacked bar per ally for the reporting year (core, then
// security-related counted towards the combined target, then any security-related spending
// above the cap), with vertical lines at the targets. Plain SVG, readable by screen readers
// through <title>/<desc> and an aria-label on every bar group. Allies come in name order (the
// page's language's), which reads without any script; the page's sort control (pages/sort.ts)
// reorders the bar groups by their data-core / data-combined ratios.
//
// Sized for small screens: 376 user units wide (a 400 px screen's content) and shown at least
// that many pixels wide (a narrower screen scrolls it in its box), so its 11-unit text is never
// drawn below 11 px; wider screens scale it up to 1.6 times.
import type { Lang } from '../text/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { escapeHtml } from './escape-html.ts';
import { allyNameIn } from './pages/common.ts';
import { pctText, thresholdText } from './pages/format.ts';
import { labelIn } from './labels.ts';
import { standings } from './standings.ts';
import type { Standing } from './standings.ts';

const COLOURS = { core: '#1f77b4', security: '#ff7f0e', excess: '#ffbb78', target: '#333333', grid: '#dddddd' } as const;
const LAYOUT = { label: 118, bars: 240, right: 18, top: 48, row: 22, bar: 14, bottom: 24 } as const;
/** The chart's width in user units, and its least width on screen in pixels. */
const CHART_WIDTH = LAYOUT.label + LAYOUT.bars + LAYOUT.right;

const n = (v: number) => Number(v.toFixed(2));

interface Target {
  pct: number;
  label: string;
}

const targetsOf = (d: ComplianceDataset, lang: Lang): Target[] => [
  { pct: d.rules.legacy.gdpPct, label: labelIn(lang, 'page.chart.targetWales', { pct: thresholdText(lang, d.rules.legacy.gdpPct) }) },
  { pct: d.rules.tracks.core.target, label: labelIn(lang, 'page.chart.targetCore', { pct: thresholdText(lang, d.rules.tracks.core.target) }) },
  { pct: d.rules.tracks.combined.target, label: labelIn(lang, 'page.chart.targetCombined', { pct: thresholdText(lang, d.rules.tracks.combined.target) }) },
];

/** The allies in the chart's default order: by name as the language sorts names. */
const byName = (rows: readonly Standing[], lang: Lang): Standing[] => {
  const collator = new Intl.Collator(lang === 'fr' ? 'fr-FR' : 'en-GB');
  return [...rows].sort((a, b) => collator.compare(allyNameIn(a.ally, lang), allyNameIn(b.ally, lang)));
};

const dataRatio = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The chart as an SVG element (a string of markup; every text in it is escaped). */
const renderChart = (dataset: ComplianceDataset, lang: Lang = 'en'): string => {
  const t = (key: Parameters<typeof labelIn>[1], values?: Parameters<typeof labelIn>[2]) => labelIn(lang, key, values);
  const rows = byName(standings(dataset), lang);
  const targets = targetsOf(dataset, lang);
  const totals = rows.map((s) => (s.year?.corePct ?? 0) + (s.year?.securityPct ?? 0));
  const max = Math.ceil(Math.max(...targets.map((g) => g.pct), ...totals) + 0.5);
  const x = (pct: number) => n(LAYOUT.label + (pct / max) * LAYOUT.bars);
  const height = LAYOUT.top + rows.length * LAYOUT.row + LAYOUT.bottom;
  const year = dataset.release.reportingYear;

  const groups = rows.map((s, i) => {
    const name = allyNameIn(s.ally, lang);
    const core = s.year?.corePct ?? null;
    const security = s.year?.securityPct ?? null;
    const counted = s.year?.securityCountedPct ?? null;
    const excess = security !== null && counted !== null ? Math.max(0, security - counted) : 0;
    const said = s.ally.noArmedForces
      ? `${name}: ${t('page.status.no_armed_forces')}`
      : s.year === null
        ? `${name}: ${t('page.chart.noFiguresFor', { year: String(year) })}`
        : t('page.chart.barSaid', { ally: name, core: pctText(lang, core), security: pctText(lang, security) });
    const label = escapeHtml(said);
    const segments: string[] = [];
    let at = 0;
    const segment = (pct: number | null, fill: string, cls: string) => {
      if (pct === null || pct <= 0) return;
      segments.push(`<rect class="${cls}" x="${x(at)}" y="${(LAYOUT.row - LAYOUT.bar) / 2}" width="${n(x(at + pct) - x(at))}" height="${LAYOUT.bar}" fill="${fill}"/>`);
      at += pct;
    };
    segment(core, COLOURS.core, 'core');
    segment(counted, COLOURS.security, 'security');
    segment(excess, COLOURS.excess, 'excess');
    const note = s.ally.noArmedForces ? t('page.status.no_armed_forces') : s.year === null ? t('page.figures.none') : '';
    return [
      `<g class="ally-bar" data-iso3="${escapeHtml(s.ally.iso3)}" data-rank="${i}" data-core="${dataRatio(core)}" data-combined="${dataRatio(s.year?.combinedPct)}" transform="translate(0,${LAYOUT.top + i * LAYOUT.row})" aria-label="${label}">`,
      `<title>${label}</title>`,
      `<text x="${LAYOUT.label - 6}" y="${LAYOUT.row / 2 + 4}" text-anchor="end">${escapeHtml(name)}</text>`,
      ...segments,
      note ? `<text x="${LAYOUT.label + 4}" y="${LAYOUT.row / 2 + 4}" class="muted">${escapeHtml(note)}</text>` : '',
      '</g>',
    ].join('');
  });

  const bottom = LAYOUT.top + rows.length * LAYOUT.row;
  const ticks = Array.from({ length: max + 1 }, (_, k) => k).map(
    (k) =>
      `<line x1="${x(k)}" y1="${LAYOUT.top}" x2="${x(k)}" y2="${bottom}" stroke="${COLOURS.grid}"/><text x="${x(k)}" y="${bottom + 14}" text-anchor="middle">${escapeHtml(thresholdText(lang, k))}</text>`,
  );
  // Each target's label on its own line above the bars, so labels never overlap however close
  // the targets are.
  const lines = targets.map(
    (g, k) =>
      `<g class="target" aria-label="${escapeHtml(t('page.chart.target', { target: g.label }))}"><line x1="${x(g.pct)}" y1="${LAYOUT.top - 40 + k * 13}" x2="${x(g.pct)}" y2="${bottom}" stroke="${COLOURS.target}" stroke-dasharray="4 3"/><text x="${x(g.pct) + 3}" y="${LAYOUT.top - 32 + k * 13}">${escapeHtml(g.label)}</text></g>`,
  );

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc" class="chart" style="width:100%;min-width:${CHART_WIDTH}px;max-width:${Math.round(CHART_WIDTH * 1.6)}px">`,
    `<title id="chart-title">${escapeHtml(t('page.chart.mainTitle', { year: String(year) }))}</title>`,
    `<desc id="chart-desc">${escapeHtml(t('page.chart.mainDesc', { targets: targets.map((g) => g.label).join(', ') }))}</desc>`,
    ...ticks,
    `<g class="bars" data-top="${LAYOUT.top}" data-row="${LAYOUT.row}">`,
    ...groups,
    '</g>',
    ...lines,
    '</svg>',
  ].join('\n');
};

/** The chart's key as HTML, so it wraps on a narrow screen. */
const chartLegend = (dataset: ComplianceDataset, lang: Lang = 'en'): string => {
  const items: [string, string][] = [
    [COLOURS.core, labelIn(lang, 'page.chart.legendCore')],
    [COLOURS.security, labelIn(lang, 'page.chart.legendSecurity', { cap: thresholdText(lang, dataset.rules.tracks.security.cap) })],
    [COLOURS.excess, labelIn(lang, 'page.chart.legendExcess')],
  ];
  return `<ul class="legend">${items
    .map(([fill, text]) => `<li><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="${fill}"/></svg> ${escapeHtml(text)}</li>`)
    .join('')}</ul>`;
};

export { renderChart, chartLegend, CHART_WIDTH };
