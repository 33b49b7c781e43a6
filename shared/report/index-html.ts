// index.html at the bucket root: the latest standings for people. Self-contained (inline CSS,
// system fonts, an inline SVG chart, no script at all) and locked down by a Content Security
// Policy; every piece of text passes through escapeHtml.
import { publicKeys } from '../storage/keys.ts';
import type { CheckpointTrack, GroupAggregate } from '../model/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { escapeHtml } from './escape-html.ts';
import type { ReleaseSummary } from './history.ts';
import { renderChart } from './chart.ts';
import { ReleaseManifest, RELEASE_FILES, allyOfPath, releaseEntryOf } from './manifest.ts';
import { STATUS_STYLE, formatPct } from './presentation.ts';
import type { ShownStatus } from './presentation.ts';
import type { GroupKey } from './groups.ts';
import { GROUP_NAME, coverageText, groupCaption, groupName, leftOutText, notYetMembersText, presented } from './groups.ts';
import { headline, shownStatus, standings } from './standings.ts';

interface IndexHtmlInput {
  dataset: ComplianceDataset;
  /** Every release so far (this one included), any order; shown newest first. */
  history: readonly ReleaseSummary[];
  /** This release's files, paths relative to the release folder. */
  files: readonly { path: string; bytes: number }[];
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.meta, .muted { color: #555; font-size: .9rem; } code { font-size: .85em; word-break: break-all; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.headline li { border: 1px solid #ddd; border-radius: .4rem; padding: .6rem .8rem; } .headline strong { font-size: 1.5rem; display: block; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; } th, td { border-bottom: 1px solid #e5e5e5; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f6f6; position: sticky; top: 0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; } .chart text { font-size: 11px; fill: #1a1a1a; } .chart .muted { fill: #777; font-style: italic; }
`;

const statusCell = (status: ShownStatus) => {
  const s = STATUS_STYLE[status];
  return `<td class="status ${status}" style="background:#${s.fill};color:#${s.ink}">${escapeHtml(s.label)}</td>`;
};

const TRACK_NAME = { core: 'core', security: 'security-related', combined: 'combined' } as const;

const pctCell = (pct: number | null | undefined) => `<td class="num">${formatPct(pct)}</td>`;
const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? '–' : v ? 'yes' : 'no');

const sizeOf = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const captionOf = (g: GroupAggregate | null, group: GroupKey, year: number) =>
  g ? groupCaption(g, group) : `${GROUP_NAME[group]}: no figures for ${year}`;

const headlineSection = (d: ComplianceDataset) => {
  const h = headline(d);
  const item = (n: number, text: string) => `<li><strong>${n}</strong> ${escapeHtml(text)}</li>`;
  const ratio = (label: string, pct: number | null | undefined, id: string) =>
    `<li data-figure="${id}"><strong>${formatPct(pct)}%</strong> ${escapeHtml(label)}</li>`;
  const t = h.thresholds;
  return `<section id="headline"><h2>${h.year} at a glance</h2>
<p>${h.reporting} of ${h.allies} allies have figures for ${h.year}.</p>
<ul class="headline">
${item(h.meeting.twoPercent, `spend at least ${t.twoPercent}% of GDP on defence (Wales 2014)`)}
${item(h.meeting.core, `reach their core target (${t.core}% of GDP)`)}
${item(h.meeting.security, `cover what the ${t.combined}% needs from security-related spending (${t.combined}% minus core, counted up to ${t.securityCap}% of GDP)`)}
${item(h.meeting.combined, `reach the combined target (${t.combined}% of GDP)`)}
${item(h.meeting.equipment20, `spend at least ${t.equipment20}% of defence on major equipment`)}
${ratio(`core defence, % of GDP: ${captionOf(h.all, 'all', h.year)}`, h.all?.corePct, 'all-core')}
${ratio(`core defence, % of GDP: ${captionOf(h.europeCanada, 'europeCanada', h.year)}`, h.europeCanada?.corePct, 'europe-canada-core')}
${ratio(`combined, % of GDP: ${captionOf(h.all, 'all', h.year)}`, h.all?.combinedPct, 'all-combined')}
</ul></section>`;
};

/** Every year's sums for both groups, on the presented basis, each named by its coverage. */
const allianceSection = (d: ComplianceDataset) => {
  const rows = d.alliance.years.flatMap((y) =>
    (['all', 'europeCanada'] as const).map((group) => {
      const g = presented(y, group);
      const remarks = [leftOutText(g) && `left out: ${leftOutText(g)}`, notYetMembersText(g)].filter((r) => r !== '');
      return `<tr data-year="${y.year}" data-group="${group}" data-basis="${g.basis}" data-covered="${g.coverage.meetsRule}"><td>${y.year}</td><th scope="row">${escapeHtml(groupName(g, group))}</th><td>${escapeHtml(g.basisLabel)}</td><td>${escapeHtml(coverageText(g))}${remarks.length > 0 ? ` <span class="muted">(${escapeHtml(remarks.join('; '))})</span>` : ''}</td>${pctCell(g.corePct)}${pctCell(g.securityPct)}${pctCell(g.combinedPct)}${pctCell(g.equipmentSharePct)}</tr>`;
    }),
  );
  const constantYear = d.alliance.constantRateYear;
  return `<section id="alliance"><h2>Alliance and Europe and Canada, year by year</h2>
<p class="muted">Sums over allies, ratios as sum over sum. Each year is shown at its own exchange rates when every ally expected that year has one${constantYear === null ? '' : `, otherwise at ${constantYear} exchange rates (the latest year with a rate for every ally)`}. A sum that leaves out more allies than the rules allow (${d.rules.aggregates.minCoveragePct}% of the allies expected must be in it) is not called the alliance's.</p>
<div class="scroll"><table>
<thead><tr><th scope="col">Year</th><th scope="col">Figure</th><th scope="col">Exchange rates</th><th scope="col">Allies in the sum</th><th scope="col">Core %</th><th scope="col">Security-related %</th><th scope="col">Combined %</th><th scope="col">Equipment % of core</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

/** The review year: where each ally stands against its path on each track. */
const checkpointSection = (d: ComplianceDataset) => {
  const year = d.rules.reviewYear;
  if (year === undefined) return '';
  const aheadCell = (t: CheckpointTrack) =>
    `<td class="num">${t.aheadOfPathPct === null ? '–' : `${t.aheadOfPathPct >= 0 ? '+' : ''}${formatPct(t.aheadOfPathPct)}`}</td>`;
  const rows = d.allies.map((a) => {
    const c = a.checkpoint;
    if (c === null) return '';
    const cell = (track: 'core' | 'security' | 'combined') => {
      const t = c.tracks[track];
      const status = a.noArmedForces && t.status === 'no_data' ? 'no_armed_forces' : t.status;
      return `${pctCell(t.pct)}${pctCell(t.path)}${aheadCell(t)}${statusCell(status)}`;
    };
    const figures = a.noArmedForces ? 'no armed forces' : (c.figures ?? 'no figures');
    return `<tr data-iso3="${escapeHtml(a.iso3)}"><th scope="row">${escapeHtml(a.name)} <span class="muted">${escapeHtml(a.iso3)}</span></th><td>${escapeHtml(figures)}${c.illustrative ? ' <em>(illustrative)</em>' : ''}</td>${cell('core')}${pctCell(c.tracks.security.needPct)}${cell('security')}${cell('combined')}</tr>`;
  });
  const counts = d.alliance.years.find((y) => y.year === year)?.counts;
  const tally = counts
    ? (['core', 'security', 'combined'] as const)
        .map((t) => `${TRACK_NAME[t]}: ${counts[t].met} met, ${counts[t].on_track} on track, ${counts[t].off_track} off track, ${counts[t].no_data} without data`)
        .join('; ')
    : `no ally has figures for ${year}`;
  const track = (name: string) => `<th scope="col">${name} %</th><th scope="col">Path %</th><th scope="col">Ahead of path (points)</th><th scope="col">Status</th>`;
  return `<section id="checkpoint"><h2>Checkpoint ${year}: the review year</h2>
<p>The trajectory and balance of spending are to be reviewed in ${year}. Where each ally stands that year against its own path: ${escapeHtml(tally)}.</p>
<div class="scroll"><table>
<thead><tr><th scope="col">Ally</th><th scope="col">Figures</th>${track('Core')}<th scope="col">Security-related needed %</th>${track('Security-related counted')}${track('Combined')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

const standingsSection = (d: ComplianceDataset) => {
  const rows = standings(d).map((s) => {
    const y = s.year;
    const figures = s.ally.noArmedForces ? 'no armed forces' : (y?.status ?? 'no figures');
    return `<tr data-iso3="${escapeHtml(s.ally.iso3)}"><th scope="row">${escapeHtml(s.ally.name)} <span class="muted">${escapeHtml(s.ally.iso3)}</span></th>
<td>${escapeHtml(figures)}${y?.illustrative ? ' <em>(illustrative)</em>' : ''}</td>${pctCell(y?.corePct)}${pctCell(y?.securityPct)}${pctCell(y?.combinedPct)}${pctCell(y?.equipmentSharePct)}
${statusCell(shownStatus(s, 'core'))}${statusCell(shownStatus(s, 'security'))}${statusCell(shownStatus(s, 'combined'))}
<td>${yesNo(y?.legacy.twoPercent)}</td><td>${yesNo(y?.legacy.equipment20)}</td><td>${y ? escapeHtml(y.source.file) : ''}</td><td>${escapeHtml(y?.notes ?? '')}</td></tr>`;
  });
  return `<section id="standings"><h2>Standings ${d.release.reportingYear}</h2>
<p class="muted">Percentages of GDP at current prices, rounded to two decimals; the downloads hold them at full precision.</p>
<div class="scroll"><table>
<thead><tr><th scope="col">Ally</th><th scope="col">Figures</th><th scope="col">Core %</th><th scope="col">Security-related %</th><th scope="col">Combined %</th><th scope="col">Equipment % of core</th><th scope="col">Core status</th><th scope="col">Security-related status</th><th scope="col">Combined status</th><th scope="col">2%</th><th scope="col">20%</th><th scope="col">Source file</th><th scope="col">Notes</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

const downloadsSection = (d: ComplianceDataset, files: IndexHtmlInput['files']) => {
  const versioned = publicKeys.releasePrefix(d.release.number);
  const n = d.release.number;
  // Keys are paths, not URLs: each segment is percent-encoded so a space or # stays part of the name.
  const link = (key: string, text: string) => `<a href="${escapeHtml(key.split('/').map(encodeURIComponent).join('/'))}">${escapeHtml(text)}</a>`;
  // In manifest order, each with what it holds; a file the manifest does not know comes last.
  const rank = (path: string) => {
    const entry = releaseEntryOf(path);
    return entry ? RELEASE_FILES.indexOf(entry) : RELEASE_FILES.length;
  };
  const main = files.filter((f) => allyOfPath(f.path) === null).sort((a, b) => rank(a.path) - rank(b.path));
  const allies = files.flatMap((f) => {
    const iso3 = allyOfPath(f.path);
    return iso3 === null ? [] : [{ ...f, iso3 }];
  });
  const rows = main.map(
    (f) =>
      `<tr><td>${link(publicKeys.latestFile(f.path), f.path)}</td><td>${escapeHtml(releaseEntryOf(f.path)?.description ?? '')}</td><td class="num">${sizeOf(f.bytes)}</td><td>${link(publicKeys.releaseFile(n, f.path), publicKeys.releaseFile(n, f.path))}</td></tr>`,
  );
  const allyLinks = allies.map(
    (f) => `${link(publicKeys.latestFile(f.path), f.iso3)} <span class="muted">(${link(publicKeys.releaseFile(n, f.path), `release ${n}`)})</span>`,
  );
  return `<section id="downloads"><h2>Downloads</h2>
<p class="muted"><code>${escapeHtml(publicKeys.latestPrefix)}</code> always holds the newest release; <code>${escapeHtml(versioned)}</code> never changes.</p>
<div class="scroll"><table><thead><tr><th scope="col">Latest</th><th scope="col">What it holds</th><th scope="col">Size</th><th scope="col">This release (permanent link)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
${allyLinks.length ? `<p>${escapeHtml(ReleaseManifest.ally.description)} One file per ally: ${allyLinks.join(', ')}</p>` : ''}</section>`;
};

const historySection = (history: IndexHtmlInput['history']) => {
  const rows = [...history]
    .sort((a, b) => b.number - a.number)
    .map(
      (r) =>
        `<tr><td><a href="${escapeHtml(publicKeys.releaseFile(r.number, ReleaseManifest.dataset.path))}">${r.number}</a></td><td>${escapeHtml(when(r.publishedAt))}</td><td>${escapeHtml(r.trigger)}${r.reason ? ` <span class="muted">${escapeHtml(r.reason)}</span>` : ''}</td><td>${escapeHtml(r.rulesId)}</td><td>${r.reportingYear}</td><td><code>${escapeHtml(r.digest.slice(0, 12))}</code></td></tr>`,
    );
  return `<section id="history"><h2>Release history</h2>
<div class="scroll"><table><thead><tr><th scope="col">Release</th><th scope="col">Published</th><th scope="col">Trigger</th><th scope="col">Rules</th><th scope="col">Reporting year</th><th scope="col">Digest</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
<p class="muted">Full list: <a href="${escapeHtml(publicKeys.releasesIndex)}">${escapeHtml(publicKeys.releasesIndex)}</a></p></section>`;
};

const notesSection = (d: ComplianceDataset) =>
  `<section id="notes"><h2>Notes</h2><ul>${d.notes.map((n) => `<li>${escapeHtml(n.text)}</li>`).join('\n')}</ul></section>`;

/** The whole page as UTF-8 bytes. */
const renderIndexHtml = ({ dataset, history, files }: IndexHtmlInput): Buffer => {
  const d = dataset;
  const title = `Defence spending against ${d.rules.name}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(title)}: release ${d.release.number}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Release ${d.release.number}, published ${escapeHtml(when(d.release.publishedAt))} (${escapeHtml(d.release.trigger)}), rules <code>${escapeHtml(d.rules.id)}</code>, reporting year ${d.release.reportingYear}, digest <code>${escapeHtml(d.release.digest)}</code></p>
</header>
<main>
${headlineSection(d)}
<section id="chart"><h2>Core and security-related spending, ${d.release.reportingYear}</h2>
${renderChart(d)}
</section>
${standingsSection(d)}
${allianceSection(d)}
${checkpointSection(d)}
${downloadsSection(d, files)}
${historySection(history)}
${notesSection(d)}
</main>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
};

export { renderIndexHtml };
export type { IndexHtmlInput };
