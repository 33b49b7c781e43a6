// An ally's trajectory as a line chart: its core and combined ratios year by year (actuals,
// estimates and plans drawn differently) against the straight path each track follows to its
// target, with the review year marked. Plain SVG, no script. Every point comes from the dataset:
// the ratios of the ally's years, the path the engine gives for each year (tracks.*.path and the
// money gap's years), and the baseline the path starts from. Nothing is computed here but where
// to draw. The page's table of the same figures is the chart's text alternative.
import type { FigureStatus } from '../../model/index.ts';
import type { Lang } from '../../text/index.ts';
import type { ComplianceDataset, DatasetAlly } from '../dataset.ts';
import { escapeHtml } from '../escape-html.ts';
import { pctText, thresholdText } from './format.ts';
import { labelIn } from '../labels.ts';

type ChartTrack = 'core' | 'combined';
const CHART_TRACKS: readonly ChartTrack[] = ['core', 'combined'];
const STATUSES: readonly FigureStatus[] = ['actual', 'estimate', 'plan'];

// Blue and dark purple stay apart for the commonest colour-vision deficiencies; line styles and
// markers tell the statuses apart without colour.
const COLOUR: Readonly<Record<ChartTrack, string>> = { core: '#1f77b4', combined: '#6a3d9a' };
const DASH: Readonly<Record<FigureStatus, string>> = { actual: '', estimate: '6 3', plan: '2 3' };
// 376 units: the width of a 400 px screen's content, so the whole chart shows there at its
// least size (11 px text); wider screens scale it up to 1.6 times.
const LAYOUT = { width: 376, height: 260, left: 38, right: 16, top: 26, bottom: 36 } as const;

interface Point {
  year: number;
  pct: number;
}

const r2 = (v: number) => Number(v.toFixed(2));

/** The ally's figures on a track, year by year, with their status. */
const figuresOf = (ally: DatasetAlly, track: ChartTrack): (Point & { status: FigureStatus })[] =>
  ally.years.flatMap((y) => {
    const pct = track === 'core' ? y.corePct : y.combinedPct;
    return pct === null ? [] : [{ year: y.year, pct, status: y.status }];
  });

/** The track's path as the dataset gives it: the baseline, each year's path, the money gap's path years. */
const pathOf = (ally: DatasetAlly, track: ChartTrack): Point[] => {
  const byYear = new Map<number, number>();
  // The year's own track wins (as the page's table reads it), then the money gap's years; the
  // baseline only where neither gives the year (an ally above its target has the target as its
  // path from the start, not its baseline ratio).
  const base = ally.baseline[track];
  if (base) byYear.set(base.year, base.pct);
  for (const y of ally.moneyGap?.years ?? []) {
    const p = y[track].pathPct;
    if (p !== null) byYear.set(y.year, p);
  }
  for (const y of ally.years) {
    const p = y.tracks[track].path;
    if (p !== null) byYear.set(y.year, p);
  }
  return [...byYear].map(([year, pct]) => ({ year, pct })).sort((a, b) => a.year - b.year);
};

/** The chart as an SVG element; `describedBy` is the id of the table holding the same figures. */
const renderTrajectoryChart = (d: ComplianceDataset, ally: DatasetAlly, lang: Lang, describedBy: string): string => {
  const t = (key: Parameters<typeof labelIn>[1], values?: Parameters<typeof labelIn>[2]) => labelIn(lang, key, values);
  const figures = Object.fromEntries(CHART_TRACKS.map((k) => [k, figuresOf(ally, k)])) as Record<ChartTrack, ReturnType<typeof figuresOf>>;
  const paths = Object.fromEntries(CHART_TRACKS.map((k) => [k, pathOf(ally, k)])) as Record<ChartTrack, Point[]>;
  const review = d.rules.reviewYear;
  const allPoints = CHART_TRACKS.flatMap((k) => [...figures[k], ...paths[k]]);
  const years = allPoints.map((p) => p.year);
  const first = Math.min(...years, d.rules.baselineYear);
  const last = Math.max(...years, d.rules.targetYear);
  const top = Math.ceil(Math.max(...allPoints.map((p) => p.pct), d.rules.tracks.combined.target) + 0.5);
  const plotW = LAYOUT.width - LAYOUT.left - LAYOUT.right;
  const plotH = LAYOUT.height - LAYOUT.top - LAYOUT.bottom;
  const x = (year: number) => r2(LAYOUT.left + ((year - first) / Math.max(1, last - first)) * plotW);
  const y = (pct: number) => r2(LAYOUT.top + plotH - (Math.max(0, pct) / top) * plotH);
  const bottom = LAYOUT.top + plotH;
  const trackName = (k: ChartTrack) => t(k === 'core' ? 'page.track.core' : 'page.track.combined');

  const yTicks = Array.from({ length: top + 1 }, (_, k) => k).map(
    (k) => `<line x1="${LAYOUT.left}" y1="${y(k)}" x2="${LAYOUT.width - LAYOUT.right}" y2="${y(k)}" stroke="#e3e3e3"/><text x="${LAYOUT.left - 6}" y="${y(k) + 4}" text-anchor="end">${escapeHtml(thresholdText(lang, k))}</text>`,
  );
  const step = last - first > 24 ? 5 : last - first > 12 ? 3 : 1;
  const xTicks = Array.from({ length: last - first + 1 }, (_, k) => first + k)
    .filter((year) => (last - year) % step === 0)
    .map((year) => `<line x1="${x(year)}" y1="${bottom}" x2="${x(year)}" y2="${bottom + 4}" stroke="#777"/><text x="${x(year)}" y="${bottom + 16}" text-anchor="middle">${year}</text>`);

  const marker = (k: ChartTrack, p: Point & { status: FigureStatus }) => {
    const said = escapeHtml(`${trackName(k)} ${p.year}: ${pctText(lang, p.pct)} (${t(`page.figures.${p.status}`)})`);
    const fill = p.status === 'actual' ? COLOUR[k] : '#ffffff';
    return p.status === 'plan'
      ? `<rect data-year="${p.year}" x="${x(p.year) - 3}" y="${y(p.pct) - 3}" width="6" height="6" fill="${fill}" stroke="${COLOUR[k]}" stroke-width="1.5"><title>${said}</title></rect>`
      : `<circle data-year="${p.year}" cx="${x(p.year)}" cy="${y(p.pct)}" r="3.2" fill="${fill}" stroke="${COLOUR[k]}" stroke-width="1.5"><title>${said}</title></circle>`;
  };

  // One group per track and status; each run of a status is joined to the point before it, so
  // the line stays unbroken where an actual gives way to an estimate or a plan.
  const series = CHART_TRACKS.flatMap((k) => {
    const pts = figures[k];
    return STATUSES.map((status) => {
      const lines: string[] = [];
      pts.forEach((p, i) => {
        if (p.status !== status) return;
        const prev = pts[i - 1];
        if (prev && prev.year === p.year - 1) {
          lines.push(`<line x1="${x(prev.year)}" y1="${y(prev.pct)}" x2="${x(p.year)}" y2="${y(p.pct)}" stroke="${COLOUR[k]}" stroke-width="2.5"${DASH[status] ? ` stroke-dasharray="${DASH[status]}"` : ''}/>`);
        }
      });
      const marks = pts.filter((p) => p.status === status).map((p) => marker(k, p));
      if (marks.length === 0) return '';
      return `<g class="series" data-series="${k}-${status}" data-track="${k}" data-status="${status}" aria-label="${escapeHtml(`${trackName(k)}, ${t(`page.figures.${status}`)}`)}">${lines.join('')}${marks.join('')}</g>`;
    });
  });

  const pathLines = CHART_TRACKS.map((k) => {
    const pts = paths[k];
    if (pts.length < 2) return '';
    const end = pts.at(-1);
    return `<g class="series path" data-series="${k}-path" data-track="${k}" aria-label="${escapeHtml(t('page.chart.pathOf', { track: trackName(k) }))}"><polyline points="${pts.map((p) => `${x(p.year)},${y(p.pct)}`).join(' ')}" fill="none" stroke="${COLOUR[k]}" stroke-width="1.3" stroke-dasharray="10 4" opacity="0.75"/>${
      end ? `<text x="${x(end.year) - 2}" y="${y(end.pct) - 6}" text-anchor="end">${escapeHtml(pctText(lang, end.pct))}</text>` : ''
    }</g>`;
  });

  const checkpoint =
    review === undefined || review < first || review > last
      ? ''
      : `<g class="checkpoint" data-year="${review}"><line x1="${x(review)}" y1="${LAYOUT.top - 8}" x2="${x(review)}" y2="${bottom}" stroke="#333" stroke-dasharray="3 3"/><text x="${x(review)}" y="${LAYOUT.top - 12}" text-anchor="middle">${escapeHtml(t('page.chart.review', { year: String(review) }))}</text></g>`;

  const title = t('page.chart.allyTitle', { ally: lang === 'fr' ? ally.nameFr : ally.name, from: String(first), to: String(last) });
  const desc = t('page.chart.allyDesc', { review: String(review ?? d.rules.targetYear), target: String(d.rules.targetYear) });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${LAYOUT.width} ${LAYOUT.height}" class="trajectory" role="img" aria-labelledby="trajectory-title" aria-describedby="trajectory-desc ${escapeHtml(describedBy)}" style="width:100%;min-width:${LAYOUT.width}px;max-width:${Math.round(LAYOUT.width * 1.6)}px">`,
    `<title id="trajectory-title">${escapeHtml(title)}</title>`,
    `<desc id="trajectory-desc">${escapeHtml(desc)}</desc>`,
    ...yTicks,
    ...xTicks,
    `<line x1="${LAYOUT.left}" y1="${bottom}" x2="${LAYOUT.width - LAYOUT.right}" y2="${bottom}" stroke="#777"/>`,
    checkpoint,
    ...pathLines,
    ...series,
    '</svg>',
  ].join('\n');
};

/** The chart's key as HTML (it wraps on a narrow screen, where an SVG legend would not). */
const trajectoryLegend = (lang: Lang): string => {
  const t = (key: Parameters<typeof labelIn>[1]) => labelIn(lang, key);
  const swatch = (k: ChartTrack, dash: string, markerShape: 'circle' | 'open' | 'square' | 'none') => {
    const m =
      markerShape === 'none'
        ? ''
        : markerShape === 'square'
          ? `<rect x="12" y="3" width="6" height="6" fill="#fff" stroke="${COLOUR[k]}" stroke-width="1.5"/>`
          : `<circle cx="15" cy="6" r="3.2" fill="${markerShape === 'circle' ? COLOUR[k] : '#fff'}" stroke="${COLOUR[k]}" stroke-width="1.5"/>`;
    return `<svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true"><line x1="0" y1="6" x2="30" y2="6" stroke="${COLOUR[k]}" stroke-width="${markerShape === 'none' ? 1.3 : 2.5}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${m}</svg>`;
  };
  const items = CHART_TRACKS.flatMap((k) => {
    const name = t(k === 'core' ? 'page.track.core' : 'page.track.combined');
    const item = (what: string) => labelIn(lang, 'page.chart.legendItem', { track: name, what });
    return [
      [swatch(k, DASH.actual, 'circle'), item(t('page.figures.actual'))],
      [swatch(k, DASH.estimate, 'open'), item(t('page.figures.estimate'))],
      [swatch(k, DASH.plan, 'square'), item(t('page.figures.plan'))],
      [swatch(k, '10 4', 'none'), item(t('page.chart.path'))],
    ];
  });
  return `<ul class="legend">${items.map(([s, text]) => `<li>${s} ${escapeHtml(text ?? '')}</li>`).join('')}</ul>`;
};

export { renderTrajectoryChart, trajectoryLegend, CHART_TRACKS };
export type { ChartTrack };
