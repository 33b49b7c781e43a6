// index.html (and index.fr.html beside it) at the bucket root: the latest standings for people,
// in English and French. Self-contained (inline CSS, system fonts, an inline SVG chart, one inline
// script allowed by its hash, nothing loaded from anywhere) and locked down by a Content Security
// Policy; every piece of text passes through escapeHtml. Each ally's row links to its page under
// latest/allies/.
import { publicKeys } from '../storage/keys.ts';
import { LANGS } from '../text/index.ts';
import type { Lang } from '../text/index.ts';
import type { CheckpointTrack, GroupAggregate } from '../model/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { escapeHtml } from './escape-html.ts';
import { renderFeeds } from './feeds.ts';
import type { ReleaseSummary } from './history.ts';
import { chartLegend, renderChart } from './chart.ts';
import { ReleaseManifest, RELEASE_FILES, allyOfPath, isPageEntry, releaseEntryOf } from './manifest.ts';
import type { RenderedFile } from './manifest.ts';
import type { GroupKey } from './groups.ts';
import { presented } from './groups.ts';
import { headline, shownStatus, standings } from './standings.ts';
import { allyNameIn, allyPagePath, licenseLine, mainPageHref, statusCell, trackLabel } from './pages/common.ts';
import { renderDocument, languageSwitch } from './pages/document.ts';
import { amountText, pctNumber, signedPoints, thresholdText, whenText } from './pages/format.ts';
import { basisIn, coverageIn, groupCaptionIn, groupNameIn, groupPlainName, leftOutIn, notYetMembersIn } from './pages/groups-text.ts';
import { labelIn } from './labels.ts';
import type { LabelKey, LabelValues } from './labels.ts';
import { SORT_ORDERS, SORT_SCRIPT } from './pages/sort.ts';

interface IndexHtmlInput {
  dataset: ComplianceDataset;
  /** Every release so far (this one included), any order; shown newest first. */
  history: readonly ReleaseSummary[];
  /** This release's files, paths relative to the release folder. */
  files: readonly { path: string; bytes: number }[];
  /** The page's language; English when not given. */
  lang?: Lang;
}

type T = (key: LabelKey, values?: LabelValues) => string;

const num = (text: string) => `<td class="num">${escapeHtml(text)}</td>`;
const col = (text: string) => `<th scope="col">${escapeHtml(text)}</th>`;

const sizeOf = (bytes: number, lang: Lang) => {
  const one = (v: number) => pctNumber(lang, v).replace(/(\d)\d$/, '$1');
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${one(bytes / 1024)} kB` : `${one(bytes / 1024 / 1024)} MB`;
};

const captionOf = (lang: Lang, t: T, g: GroupAggregate | null, group: GroupKey, year: number) =>
  g ? groupCaptionIn(lang, g, group) : t('page.group.noFigures', { group: groupPlainName(lang, group), year: String(year) });

const headlineSection = (d: ComplianceDataset, lang: Lang, t: T) => {
  const h = headline(d);
  const item = (n: number, text: string) => `<li><strong>${n}</strong> ${escapeHtml(text)}</li>`;
  const ratio = (label: string, pct: number | null | undefined, id: string) =>
    `<li data-figure="${id}"><strong>${escapeHtml(pctNumber(lang, pct))}${lang === 'fr' ? '\u202f' : ''}%</strong> ${escapeHtml(label)}</li>`;
  const th = h.thresholds;
  const pct = (v: number) => thresholdText(lang, v);
  return `<section id="headline"><h2>${escapeHtml(t('page.main.glance', { year: String(h.year) }))}</h2>
<p>${escapeHtml(t('page.main.reporting', { reporting: String(h.reporting), allies: String(h.allies), year: String(h.year) }))}</p>
<ul class="headline">
${item(h.meeting.twoPercent, t('page.main.meetTwo', { pct: pct(th.twoPercent) }))}
${item(h.meeting.core, t('page.main.meetCore', { pct: pct(th.core) }))}
${item(h.meeting.security, t('page.main.meetSecurity', { combined: pct(th.combined), cap: pct(th.securityCap) }))}
${item(h.meeting.combined, t('page.main.meetCombined', { pct: pct(th.combined) }))}
${item(h.meeting.equipment20, t('page.main.meetEquipment', { pct: pct(th.equipment20) }))}
${ratio(t('page.main.ratioCore', { caption: captionOf(lang, t, h.all, 'all', h.year) }), h.all?.corePct, 'all-core')}
${ratio(t('page.main.ratioCore', { caption: captionOf(lang, t, h.europeCanada, 'europeCanada', h.year) }), h.europeCanada?.corePct, 'europe-canada-core')}
${ratio(t('page.main.ratioCombined', { caption: captionOf(lang, t, h.all, 'all', h.year) }), h.all?.combinedPct, 'all-combined')}
</ul></section>`;
};

const chartSection = (d: ComplianceDataset, lang: Lang, t: T) => {
  const buttons = SORT_ORDERS.map(
    (order) =>
      `<button type="button" data-sort="${order}" aria-pressed="${order === 'name'}" data-said="${escapeHtml(t(`page.sort.said.${order}`))}">${escapeHtml(t(`page.sort.${order}`))}</button>`,
  ).join('');
  return `<section id="chart"><h2>${escapeHtml(t('page.main.chartHeading', { year: String(d.release.reportingYear) }))}</h2>
<div id="chart-sort" class="sort" role="group" aria-label="${escapeHtml(t('page.sort.label'))}" hidden><span>${escapeHtml(t('page.sort.prompt'))}</span>${buttons}<span id="chart-sort-status" class="muted" aria-live="polite"></span></div>
${chartLegend(d, lang)}
<div class="scroll chart-box">${renderChart(d, lang)}</div>
</section>`;
};

/** Last year's plan for a year: the figure made one year ahead by the last submission of its upload year. */
const planAYearBefore = (y: ComplianceDataset['allies'][number]['years'][number]) => y.earlierFigures.find((e) => e.aheadYears === 1 && e.lastOfUploadYear) ?? null;

const standingsSection = (d: ComplianceDataset, lang: Lang, t: T) => {
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? '–' : t(v ? 'page.value.yes' : 'page.value.no'));
  const rows = standings(d).map((s) => {
    const y = s.year;
    const figures = s.ally.noArmedForces ? t('page.status.no_armed_forces') : y ? t(`page.figures.${y.status}`) : t('page.figures.none');
    const page = publicKeys.latestFile(allyPagePath(s.ally.iso3, lang));
    const plan = y ? planAYearBefore(y) : null;
    const note = y?.notes ?? '';
    return `<tr data-iso3="${escapeHtml(s.ally.iso3)}"><th scope="row"><a href="${escapeHtml(page)}" data-ally-page="${escapeHtml(s.ally.iso3)}">${escapeHtml(allyNameIn(s.ally, lang))}</a> <span class="muted">${escapeHtml(s.ally.iso3)}</span></th>
<td>${escapeHtml(figures)}${y?.illustrative ? ` <em>(${escapeHtml(t('page.illustrative'))})</em>` : ''}</td>${num(pctNumber(lang, y?.corePct))}${num(pctNumber(lang, y?.securityPct))}${num(pctNumber(lang, y?.combinedPct))}${num(pctNumber(lang, y?.equipmentSharePct))}
${statusCell(lang, shownStatus(s, 'core'))}${statusCell(lang, shownStatus(s, 'security'))}${statusCell(lang, shownStatus(s, 'combined'))}
<td>${escapeHtml(yesNo(y?.legacy.twoPercent))}</td><td>${escapeHtml(yesNo(y?.legacy.equipment20))}</td>${num(signedPoints(lang, plan?.combinedDiffPct))}<td>${y ? escapeHtml(y.source.file) : ''}</td><td class="note">${note === '' ? '' : `<details><summary>${escapeHtml(note)}</summary></details>`}</td></tr>`;
  });
  return `<section id="standings"><h2>${escapeHtml(t('page.main.standingsHeading', { year: String(d.release.reportingYear) }))}</h2>
<p class="muted">${escapeHtml(t('page.main.standingsIntro'))}</p>
<div class="scroll"><table>
<thead><tr>${[
    t('page.col.ally'),
    t('page.col.figures'),
    t('page.col.corePct'),
    t('page.col.securityPct'),
    t('page.col.combinedPct'),
    t('page.col.equipmentShare'),
    t('page.col.coreStatus'),
    t('page.col.securityStatus'),
    t('page.col.combinedStatus'),
    t('page.col.twoPercent', { pct: thresholdText(lang, d.rules.legacy.gdpPct) }),
    t('page.col.twentyPercent', { pct: thresholdText(lang, d.rules.legacy.equipmentSharePct) }),
    t('page.col.vsLastPlan'),
    t('page.col.sourceFile'),
    t('page.col.notes'),
  ]
    .map(col)
    .join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

// A long list of allies left out would make the row as tall as the list: past a few, it opens on demand.
const LEFT_OUT_SHOWN = 5;
const leftOutNote = (list: string, count: number, t: T): string =>
  list === ''
    ? ''
    : count <= LEFT_OUT_SHOWN
      ? ` <span class="muted">(${escapeHtml(t('page.group.leftOut', { list }))})</span>`
      : `<details class="muted"><summary>${escapeHtml(t('page.group.leftOutCount', { n: String(count) }))}</summary>${escapeHtml(list)}</details>`;

/** The money gap to the target year summed for the alliance and Europe and Canada, in USD at constant rates. */
const moneyGapSection = (d: ComplianceDataset, lang: Lang, t: T) => {
  const g = d.alliance.moneyGap;
  const rows = (['all', 'europeCanada'] as const).flatMap((group) =>
    (['core', 'combined'] as const).flatMap((track) =>
      (['plan', 'latestActual'] as const).map((scenario) => {
        const s = g[group][track][scenario];
        const left = leftOutIn(lang, s);
        const name = s.coverage.meetsRule ? groupPlainName(lang, group) : t(group === 'all' ? 'page.group.sumOverAll' : 'page.group.sumOverEuropeCanada', { covered: coverageIn(lang, s), who: '' });
        return `<tr data-group="${group}" data-track="${track}" data-scenario="${scenario}"><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(trackLabel(lang, track))}</td><td>${escapeHtml(t(scenario === 'plan' ? 'page.moneyGap.scenarioPlan' : 'page.moneyGap.scenarioActual'))}</td>${num(amountText(lang, s.shortfallUsd))}${num(amountText(lang, s.netUsd))}<td>${escapeHtml(coverageIn(lang, s))}${leftOutNote(left, s.leftOut.length, t)}</td></tr>`;
      }),
    ),
  );
  const basis = g.rateYear === null ? t('page.basis.constantNone') : t('page.basis.constant', { year: String(g.rateYear) });
  return `<section id="money-gap"><h2>${escapeHtml(t('page.moneyGap.heading', { from: String(g.fromYear), to: String(g.toYear) }))}</h2>
<p>${escapeHtml(t('page.main.moneyGapIntro', { from: String(g.fromYear), to: String(g.toYear), basis }))}</p>
<div class="scroll"><table id="money-gap-summary"><thead><tr>${[t('page.col.group'), t('page.col.track'), t('page.col.scenario'), t('page.col.shortfallUsd'), t('page.col.netUsd'), t('page.col.alliesInSum')].map(col).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

/** Every year's sums for both groups, on the presented basis, each named by its coverage. */
const allianceSection = (d: ComplianceDataset, lang: Lang, t: T) => {
  const rows = d.alliance.years.flatMap((y) =>
    (['all', 'europeCanada'] as const).map((group) => {
      const g = presented(y, group);
      const left = leftOutIn(lang, g);
      const remarks = [left && t('page.group.leftOut', { list: left }), notYetMembersIn(lang, g)].filter((r) => r !== '');
      return `<tr data-year="${y.year}" data-group="${group}" data-basis="${g.basis}" data-covered="${g.coverage.meetsRule}"><td>${y.year}</td><th scope="row">${escapeHtml(groupNameIn(lang, g, group))}</th><td>${escapeHtml(basisIn(lang, g))}</td><td>${escapeHtml(coverageIn(lang, g))}${remarks.length > 0 ? ` <span class="muted">(${escapeHtml(remarks.join('; '))})</span>` : ''}</td>${num(pctNumber(lang, g.corePct))}${num(pctNumber(lang, g.securityPct))}${num(pctNumber(lang, g.combinedPct))}${num(pctNumber(lang, g.equipmentSharePct))}</tr>`;
    }),
  );
  const constantYear = d.alliance.constantRateYear;
  return `<section id="alliance"><h2>${escapeHtml(t('page.main.allianceHeading'))}</h2>
<p class="muted">${escapeHtml(t('page.main.allianceIntro', { constant: constantYear === null ? '' : t('page.main.allianceConstant', { year: String(constantYear) }), min: pctNumber(lang, d.rules.aggregates.minCoveragePct) }))}</p>
<div class="scroll"><table>
<thead><tr>${[t('page.col.year'), t('page.col.figure'), t('page.col.rates'), t('page.col.alliesInSum'), t('page.col.corePct'), t('page.col.securityPct'), t('page.col.combinedPct'), t('page.col.equipmentShare')].map(col).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

/** The review year: where each ally stands against its path on each track. */
const checkpointSection = (d: ComplianceDataset, lang: Lang, t: T) => {
  const year = d.rules.reviewYear;
  if (year === undefined) return '';
  const aheadCell = (tr: CheckpointTrack) => num(signedPoints(lang, tr.aheadOfPathPct));
  const rows = d.allies.map((a) => {
    const c = a.checkpoint;
    if (c === null) return '';
    const cell = (track: 'core' | 'security' | 'combined') => {
      const tr = c.tracks[track];
      const status = a.noArmedForces && tr.status === 'no_data' ? 'no_armed_forces' : tr.status;
      return `${num(pctNumber(lang, tr.pct))}${num(pctNumber(lang, tr.path))}${aheadCell(tr)}${statusCell(lang, status)}`;
    };
    const figures = a.noArmedForces ? t('page.status.no_armed_forces') : c.figures === null ? t('page.figures.none') : t(`page.figures.${c.figures}`);
    return `<tr data-iso3="${escapeHtml(a.iso3)}"><th scope="row">${escapeHtml(allyNameIn(a, lang))} <span class="muted">${escapeHtml(a.iso3)}</span></th><td>${escapeHtml(figures)}${c.illustrative ? ` <em>(${escapeHtml(t('page.illustrative'))})</em>` : ''}</td>${cell('core')}${num(pctNumber(lang, c.tracks.security.needPct))}${cell('security')}${cell('combined')}</tr>`;
  });
  const counts = d.alliance.years.find((y) => y.year === year)?.counts;
  const tally = counts
    ? (['core', 'security', 'combined'] as const)
        .map((k) => t('page.checkpoint.tally', { track: trackLabel(lang, k), met: String(counts[k].met), on: String(counts[k].on_track), off: String(counts[k].off_track), none: String(counts[k].no_data) }))
        .join('; ')
    : t('page.checkpoint.noneYet', { year: String(year) });
  const track = (name: string) => [t('page.col.trackPct', { track: name }), t('page.col.pathPct'), t('page.col.aheadOfPath'), t('page.col.status')].map(col).join('');
  return `<section id="checkpoint"><h2>${escapeHtml(t('page.checkpoint.heading', { year: String(year) }))}</h2>
<p>${escapeHtml(t('page.checkpoint.intro', { year: String(year), tally }))}</p>
<div class="scroll"><table>
<thead><tr>${col(t('page.col.ally'))}${col(t('page.col.figures'))}${track(t('page.col.trackCore'))}${col(t('page.col.securityNeeded'))}${track(t('page.col.trackSecurity'))}${track(t('page.col.trackCombined'))}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

const downloadsSection = (d: ComplianceDataset, files: IndexHtmlInput['files'], lang: Lang, t: T) => {
  const versioned = publicKeys.releasePrefix(d.release.number);
  const n = d.release.number;
  // Keys are paths, not URLs: each segment is percent-encoded so a space or # stays part of the name.
  const link = (key: string, text: string) => `<a href="${escapeHtml(key.split('/').map(encodeURIComponent).join('/'))}">${escapeHtml(text)}</a>`;
  // In manifest order, each with what it holds; a file the manifest does not know comes last.
  // Pages are linked from the standings, not listed here.
  const rank = (path: string) => {
    const entry = releaseEntryOf(path);
    return entry ? RELEASE_FILES.indexOf(entry) : RELEASE_FILES.length;
  };
  const isPage = (path: string) => {
    const entry = releaseEntryOf(path);
    return entry !== null && isPageEntry(entry);
  };
  const main = files.filter((f) => allyOfPath(f.path) === null && !isPage(f.path)).sort((a, b) => rank(a.path) - rank(b.path));
  const allies = files.flatMap((f) => {
    const iso3 = allyOfPath(f.path);
    return iso3 === null ? [] : [{ ...f, iso3 }];
  });
  const rows = main.map(
    (f) =>
      `<tr><td>${link(publicKeys.latestFile(f.path), f.path)}</td><td${lang === 'en' ? '' : ' lang="en"'}>${escapeHtml(releaseEntryOf(f.path)?.description ?? '')}</td><td class="num">${escapeHtml(sizeOf(f.bytes, lang))}</td><td>${link(publicKeys.releaseFile(n, f.path), publicKeys.releaseFile(n, f.path))}</td></tr>`,
  );
  const allyLinks = allies.map(
    (f) => `${link(publicKeys.latestFile(f.path), f.iso3)} <span class="muted">(${link(publicKeys.releaseFile(n, f.path), t('page.downloads.release', { n: String(n) }))})</span>`,
  );
  return `<section id="downloads"><h2>${escapeHtml(t('page.downloads.heading'))}</h2>
<p class="muted">${escapeHtml(t('page.downloads.intro', { latest: publicKeys.latestPrefix, versioned }))}</p>
${licenseLine(lang, d.rules)}
<div class="scroll"><table><thead><tr>${[t('page.col.latest'), t('page.col.holds'), t('page.col.size'), t('page.col.permanent')].map(col).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
${allyLinks.length ? `<p>${escapeHtml(t('page.downloads.allies'))} ${allyLinks.join(', ')}</p>` : ''}</section>`;
};

const historySection = (history: IndexHtmlInput['history'], t: T) => {
  const rows = [...history]
    .sort((a, b) => b.number - a.number)
    .map(
      (r) =>
        `<tr><td><a href="${escapeHtml(publicKeys.releaseFile(r.number, ReleaseManifest.dataset.path))}">${r.number}</a></td><td>${escapeHtml(whenText(r.publishedAt))}</td><td>${escapeHtml(r.trigger)}${r.reason ? ` <span class="muted">${escapeHtml(r.reason)}</span>` : ''}</td><td>${escapeHtml(r.rulesId)}</td><td>${r.reportingYear}</td><td><code>${escapeHtml(r.digest.slice(0, 12))}</code></td></tr>`,
    );
  return `<section id="history"><h2>${escapeHtml(t('page.history.heading'))}</h2>
<div class="scroll"><table><thead><tr>${[t('page.col.release'), t('page.col.published'), t('page.col.trigger'), t('page.col.rules'), t('page.col.reportingYear'), t('page.col.digest')].map(col).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
<p class="muted">${escapeHtml(t('page.history.full'))} <a href="${escapeHtml(publicKeys.releasesIndex)}">${escapeHtml(publicKeys.releasesIndex)}</a></p>
<p class="feed">${escapeHtml(t('page.feed.all'))} <a href="${escapeHtml(publicKeys.releasesFeed)}" type="application/atom+xml" data-feed="all">${escapeHtml(publicKeys.releasesFeed)}</a></p></section>`;
};

// The dataset's notes are English text; the French page marks them so (and says so) until the
// report label table gives each note code its French.
const notesSection = (d: ComplianceDataset, lang: Lang, t: T) =>
  `<section id="notes"><h2>${escapeHtml(t('page.notes.heading'))}</h2>${lang === 'en' ? '' : `<p class="muted">${escapeHtml(t('page.notes.inEnglish'))}</p>`}<ul${lang === 'en' ? '' : ' lang="en"'}>${d.notes.map((n) => `<li>${escapeHtml(n.text)}</li>`).join('\n')}</ul></section>`;

/** The whole page in one language as UTF-8 bytes. */
const renderIndexHtml = ({ dataset, history, files, lang = 'en' }: IndexHtmlInput): Buffer => {
  const d = dataset;
  const t: T = (key, values) => labelIn(lang, key, values);
  const title = t('page.main.title', { rules: d.rules.name });
  const alternates = { en: mainPageHref('en', ''), fr: mainPageHref('fr', '') };
  const body = `<header>
<nav class="topnav" aria-label="${escapeHtml(t('page.nav.label'))}"><span>${escapeHtml(t('page.main.allyPagesHint'))}</span><span>${languageSwitch(lang, alternates)}</span></nav>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t('page.main.meta', { release: String(d.release.number), published: whenText(d.release.publishedAt), trigger: d.release.trigger, year: String(d.release.reportingYear) }))} <code>${escapeHtml(d.rules.id)}</code>, ${escapeHtml(t('page.main.digest'))} <code>${escapeHtml(d.release.digest)}</code></p>
</header>
<main>
${headlineSection(d, lang, t)}
${chartSection(d, lang, t)}
${standingsSection(d, lang, t)}
${moneyGapSection(d, lang, t)}
${allianceSection(d, lang, t)}
${checkpointSection(d, lang, t)}
${downloadsSection(d, files, lang, t)}
${historySection(history, t)}
${notesSection(d, lang, t)}
</main>`;
  const feeds = [{ href: publicKeys.releasesFeed, title: t('page.feed.title') }];
  return renderDocument({ lang, title: t('page.main.docTitle', { title, release: String(d.release.number) }), alternates, body, script: SORT_SCRIPT, feeds });
};

/**
 * The site files a release rewrites from the history: the Atom feeds, then the pages at the
 * bucket root, one per language, as the writer stores them (index.html last).
 */
const renderSitePages = (input: Omit<IndexHtmlInput, 'lang'>): RenderedFile[] => [
  ...renderFeeds({ dataset: input.dataset, history: input.history }),
  ...[...LANGS]
    .sort((a, b) => Number(a === 'en') - Number(b === 'en'))
    .map((lang) => ({ path: mainPageHref(lang, ''), body: renderIndexHtml({ ...input, lang }) })),
];

export { renderIndexHtml, renderSitePages };
export type { IndexHtmlInput };
