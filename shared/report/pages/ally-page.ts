// allies/<ISO3>.html and allies/<ISO3>.fr.html: one ally's path to the target year. A line chart
// of its figures against its paths, the same figures as a table (the chart's text alternative),
// where it stands in the review year, what its earlier submissions planned against what it
// reported, and its money gap with the assumptions behind it. Every figure is the dataset's; the
// page only formats them. Links are relative, so the page works under releases/<n>/allies/ and
// latest/allies/ alike, from S3 or from a file:// open.
import type { Lang } from '../../text/index.ts';
import type { ComplianceDataset, DatasetAlly } from '../dataset.ts';
import { escapeHtml } from '../escape-html.ts';
import { ReleaseManifest, allyFeedKey, allyFilePath } from '../manifest.ts';
import { renderDocument, languageSwitch } from './document.ts';
import { amountText, pctNumber, signedPoints, whenText } from './format.ts';
import { labelIn } from '../labels.ts';
import type { LabelKey, LabelValues } from '../labels.ts';
import { allyNameIn, allyPagePath, licenseLine, mainPageHref, statusCell, trackLabel } from './common.ts';
import { CHART_TRACKS, renderTrajectoryChart, trajectoryLegend } from './trajectory-chart.ts';

const FIGURES_TABLE_ID = 'trajectory-figures';

type T = (key: LabelKey, values?: LabelValues) => string;

const num = (text: string) => `<td class="num">${escapeHtml(text)}</td>`;

/** The ally's feed at the bucket root, from the page under latest/allies/ (as the main page's link is). */
const feedHref = (iso3: string) => `../../${allyFeedKey(iso3)}`;

/** Where the ally's page sits in a release folder; links climb out of allies/ to reach the others. */
const fromAllies = (releasePath: string) => `../${releasePath.split('/').map(encodeURIComponent).join('/')}`;

const header = (d: ComplianceDataset, ally: DatasetAlly, lang: Lang, t: T) => {
  const alternates = { en: allyPagePath(ally.iso3, 'en'), fr: allyPagePath(ally.iso3, 'fr') };
  const own = (path: string) => path.slice('allies/'.length);
  return `<header>
<nav class="topnav" aria-label="${escapeHtml(t('page.nav.label'))}"><a href="${escapeHtml(mainPageHref(lang, '../../'))}" data-nav="main">${escapeHtml(t('page.nav.toMain'))}</a><span>${languageSwitch(lang, { en: own(alternates.en), fr: own(alternates.fr) })}</span></nav>
<h1>${escapeHtml(t('page.ally.title', { ally: allyNameIn(ally, lang), iso3: ally.iso3 }))}</h1>
<p class="meta">${escapeHtml(
    t('page.ally.meta', {
      release: String(d.release.number),
      published: whenText(d.release.publishedAt),
      rules: d.rules.id,
      year: String(d.release.reportingYear),
      currency: ally.currency,
    }),
  )} <a href="${escapeHtml(own(allyFilePath(ally.iso3)))}">${escapeHtml(own(allyFilePath(ally.iso3)))}</a>, <a href="${escapeHtml(fromAllies(ReleaseManifest.dataset.path))}">${escapeHtml(ReleaseManifest.dataset.path)}</a></p>
${licenseLine(lang, d.rules)}
<p class="feed">${escapeHtml(t('page.feed.ally', { ally: allyNameIn(ally, lang) }))} <a href="${escapeHtml(feedHref(ally.iso3))}" type="application/atom+xml" data-feed="${ally.iso3}">${escapeHtml(allyFeedKey(ally.iso3))}</a></p>
${ally.note ? `<p${lang === 'en' ? '' : ' lang="en"'}>${escapeHtml(ally.note)}</p>` : ''}
</header>`;
};

/** The path of a track in a year, as the dataset gives it (the year's track, or the money gap's year). */
const pathIn = (ally: DatasetAlly, year: number, track: 'core' | 'combined'): number | null =>
  ally.years.find((y) => y.year === year)?.tracks[track].path ?? ally.moneyGap?.years.find((g) => g.year === year)?.[track].pathPct ?? null;

const trajectorySection = (d: ComplianceDataset, ally: DatasetAlly, lang: Lang, t: T) => {
  const years = [...new Set([...ally.years.map((y) => y.year), ...(ally.moneyGap?.years ?? []).map((g) => g.year)])].sort((a, b) => a - b);
  const rows = years.map((year) => {
    const y = ally.years.find((v) => v.year === year);
    const figures = y ? t(`page.figures.${y.status}`) + (y.illustrative ? ` (${t('page.illustrative')})` : '') : t('page.figures.none');
    return `<tr data-year="${year}"><th scope="row">${year}</th><td>${escapeHtml(figures)}</td>${num(pctNumber(lang, y?.corePct))}${num(pctNumber(lang, pathIn(ally, year, 'core')))}${num(pctNumber(lang, y?.combinedPct))}${num(pctNumber(lang, pathIn(ally, year, 'combined')))}</tr>`;
  });
  const hasFigures = CHART_TRACKS.some((k) => ally.years.some((y) => (k === 'core' ? y.corePct : y.combinedPct) !== null));
  const chart = hasFigures
    ? `${trajectoryLegend(lang)}
<div class="scroll chart-box">${renderTrajectoryChart(d, ally, lang, FIGURES_TABLE_ID)}</div>`
    : `<p>${escapeHtml(ally.noArmedForces ? t('page.ally.noArmedForces') : t('page.ally.noFigures'))}</p>`;
  return `<section id="trajectory"><h2>${escapeHtml(t('page.ally.trajectoryHeading', { target: String(d.rules.targetYear) }))}</h2>
<p>${escapeHtml(t('page.ally.trajectoryIntro', { baseline: String(d.rules.baselineYear), target: String(d.rules.targetYear), core: pctNumber(lang, d.rules.tracks.core.target), combined: pctNumber(lang, d.rules.tracks.combined.target) }))}</p>
${chart}
<div class="scroll"><table id="${FIGURES_TABLE_ID}"><caption>${escapeHtml(t('page.ally.figuresCaption'))}</caption>
<thead><tr><th scope="col">${escapeHtml(t('page.col.year'))}</th><th scope="col">${escapeHtml(t('page.col.figures'))}</th><th scope="col">${escapeHtml(t('page.col.corePct'))}</th><th scope="col">${escapeHtml(t('page.col.corePathPct'))}</th><th scope="col">${escapeHtml(t('page.col.combinedPct'))}</th><th scope="col">${escapeHtml(t('page.col.combinedPathPct'))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div></section>`;
};

const checkpointSection = (ally: DatasetAlly, lang: Lang, t: T) => {
  const c = ally.checkpoint;
  if (c === null) return '';
  const rows = (['core', 'security', 'combined'] as const).map((k) => {
    const tr = c.tracks[k];
    const status = ally.noArmedForces && tr.status === 'no_data' ? 'no_armed_forces' : tr.status;
    return `<tr data-track="${k}"><th scope="row">${escapeHtml(trackLabel(lang, k))}</th>${num(pctNumber(lang, tr.pct))}${num(pctNumber(lang, tr.path))}${num(signedPoints(lang, tr.aheadOfPathPct))}${statusCell(lang, status)}</tr>`;
  });
  const figures = c.figures === null ? t('page.figures.none') : t(`page.figures.${c.figures}`);
  return `<section id="checkpoint"><h2>${escapeHtml(t('page.checkpoint.heading', { year: String(c.year) }))}</h2>
<p>${escapeHtml(t('page.ally.checkpointIntro', { year: String(c.year), figures }))}${c.illustrative ? ` <em>(${escapeHtml(t('page.illustrative'))})</em>` : ''}</p>
<div class="scroll"><table><thead><tr><th scope="col">${escapeHtml(t('page.col.track'))}</th><th scope="col">${escapeHtml(t('page.col.pct'))}</th><th scope="col">${escapeHtml(t('page.col.pathPct'))}</th><th scope="col">${escapeHtml(t('page.col.aheadOfPath'))}</th><th scope="col">${escapeHtml(t('page.col.status'))}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
};

const plansSection = (ally: DatasetAlly, lang: Lang, t: T) => {
  const rows = ally.years.flatMap((y) =>
    y.earlierFigures.map(
      (e) =>
        `<tr data-year="${y.year}" data-submission="${escapeHtml(e.submissionId)}"><th scope="row">${y.year}</th><td>${escapeHtml(e.file)}</td><td>${escapeHtml(e.uploadedAt.slice(0, 10))}</td>${num(String(e.aheadYears))}<td>${escapeHtml(t(`page.figures.${e.status}`))}</td>${num(pctNumber(lang, e.corePct))}${num(pctNumber(lang, y.corePct))}${num(signedPoints(lang, e.coreDiffPct))}${num(pctNumber(lang, e.combinedPct))}${num(pctNumber(lang, y.combinedPct))}${num(signedPoints(lang, e.combinedDiffPct))}</tr>`,
    ),
  );
  const table =
    rows.length === 0
      ? `<p>${escapeHtml(t('page.plans.none'))}</p>`
      : `<div class="scroll"><table id="plans-outturn"><thead><tr><th scope="col">${escapeHtml(t('page.col.year'))}</th><th scope="col">${escapeHtml(t('page.col.submission'))}</th><th scope="col">${escapeHtml(t('page.col.uploaded'))}</th><th scope="col">${escapeHtml(t('page.col.aheadYears'))}</th><th scope="col">${escapeHtml(t('page.col.plannedAs'))}</th><th scope="col">${escapeHtml(t('page.col.corePlanned'))}</th><th scope="col">${escapeHtml(t('page.col.coreReported'))}</th><th scope="col">${escapeHtml(t('page.col.difference'))}</th><th scope="col">${escapeHtml(t('page.col.combinedPlanned'))}</th><th scope="col">${escapeHtml(t('page.col.combinedReported'))}</th><th scope="col">${escapeHtml(t('page.col.difference'))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
  const delivery = ally.delivery.leads.map(
    (l) =>
      `<tr data-ahead="${l.aheadYears}"><th scope="row">${escapeHtml(t(l.aheadYears === 1 ? 'page.delivery.oneYear' : 'page.delivery.years', { n: String(l.aheadYears) }))}</th>${num(String(l.core.comparisons))}${num(signedPoints(lang, l.core.meanDiffPct))}${num(pctNumber(lang, l.core.meanAbsDiffPct))}${num(String(l.combined.comparisons))}${num(signedPoints(lang, l.combined.meanDiffPct))}${num(pctNumber(lang, l.combined.meanAbsDiffPct))}</tr>`,
  );
  return `<section id="plans"><h2>${escapeHtml(t('page.plans.heading'))}</h2>
<p>${escapeHtml(t('page.plans.intro'))}</p>
${table}
<h3>${escapeHtml(t('page.delivery.heading'))}</h3>
<p>${escapeHtml(t('page.delivery.intro'))}</p>
<div class="scroll"><table id="delivery"><thead><tr><th scope="col">${escapeHtml(t('page.col.plansMade'))}</th><th scope="col">${escapeHtml(t('page.col.coreComparisons'))}</th><th scope="col">${escapeHtml(t('page.col.coreMeanDiff'))}</th><th scope="col">${escapeHtml(t('page.col.coreMeanAbsDiff'))}</th><th scope="col">${escapeHtml(t('page.col.combinedComparisons'))}</th><th scope="col">${escapeHtml(t('page.col.combinedMeanDiff'))}</th><th scope="col">${escapeHtml(t('page.col.combinedMeanAbsDiff'))}</th></tr></thead>
<tbody>${delivery.join('\n')}</tbody></table></div></section>`;
};

const moneyGapSection = (ally: DatasetAlly, lang: Lang, t: T) => {
  const g = ally.moneyGap;
  if (g === null) {
    return `<section id="money-gap"><h2>${escapeHtml(t('page.moneyGap.headingNone'))}</h2><p>${escapeHtml(ally.noArmedForces ? t('page.ally.noArmedForces') : t('page.ally.noFigures'))}</p></section>`;
  }
  const reasonOf = (reason: string | undefined) => (reason ? `<span${lang === 'en' ? '' : ' lang="en"'}>${escapeHtml(reason)}</span>` : '');
  const rows = CHART_TRACKS.flatMap((k) =>
    (['plan', 'latestActual'] as const).map((scenario) => {
      const s = g[k][scenario];
      const label = t(scenario === 'plan' ? 'page.moneyGap.plan' : 'page.moneyGap.latestActual', { year: String(g.latestActual?.year ?? '–') });
      return `<tr data-track="${k}" data-scenario="${scenario}"><th scope="row">${escapeHtml(trackLabel(lang, k))}: ${escapeHtml(label)}</th>${num(amountText(lang, s.shortfallNational))}${num(amountText(lang, s.netNational))}${num(amountText(lang, s.shortfallUsd))}${num(amountText(lang, s.netUsd))}<td>${reasonOf(s.reason)}</td></tr>`;
    }),
  );
  const submitted = g.years.filter((y) => y.gdpFrom === 'submitted').map((y) => y.year);
  const grown = g.years.filter((y) => y.gdpFrom === 'grown').map((y) => y.year);
  const held = (k: 'core' | 'combined') => g.years.filter((y) => y[k].planFrom === 'held').map((y) => y.year);
  const span = (ys: number[]) => (ys.length === 0 ? '' : ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys.at(-1)}`);
  const assumptions = [
    t('page.moneyGap.assumeSum', { from: String(g.fromYear), to: String(g.toYear) }),
    submitted.length > 0 ? t('page.moneyGap.assumeGdpSubmitted', { years: span(submitted) }) : t('page.moneyGap.assumeGdpNone'),
    ...(grown.length === 0
      ? []
      : [
          g.gdpGrowth.years === null || g.gdpGrowth.pct === null
            ? t('page.moneyGap.assumeGdpFlat', { years: span(grown) })
            : t('page.moneyGap.assumeGdpGrown', { years: span(grown), growth: pctNumber(lang, g.gdpGrowth.pct), from: String(g.gdpGrowth.years[0]), to: String(g.gdpGrowth.years[1]) }),
        ]),
    ...CHART_TRACKS.flatMap((k) => (held(k).length === 0 ? [] : [t('page.moneyGap.assumeHeld', { track: trackLabel(lang, k), years: span(held(k)) })])),
    g.latestActual === null
      ? t('page.moneyGap.assumeNoActual')
      : t('page.moneyGap.assumeActual', { year: String(g.latestActual.year), core: pctNumber(lang, g.latestActual.corePct), combined: pctNumber(lang, g.latestActual.combinedPct) }),
    g.usd.rate === null || g.usd.rateYear === null
      ? t('page.moneyGap.assumeNoUsd')
      : t('page.moneyGap.assumeUsd', { year: String(g.usd.rateYear), rate: amountTextPrecise(lang, g.usd.rate), currency: g.currency }),
  ];
  return `<section id="money-gap"><h2>${escapeHtml(t('page.moneyGap.heading', { from: String(g.fromYear), to: String(g.toYear) }))}</h2>
<p>${escapeHtml(t('page.moneyGap.intro'))}</p>
<div class="scroll"><table id="money-gap-table"><thead><tr><th scope="col">${escapeHtml(t('page.col.trackScenario'))}</th><th scope="col">${escapeHtml(t('page.col.shortfallNational', { currency: g.currency }))}</th><th scope="col">${escapeHtml(t('page.col.netNational', { currency: g.currency }))}</th><th scope="col">${escapeHtml(t('page.col.shortfallUsd'))}</th><th scope="col">${escapeHtml(t('page.col.netUsd'))}</th><th scope="col">${escapeHtml(t('page.col.why'))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
<h3>${escapeHtml(t('page.moneyGap.assumptions'))}</h3>
<ul class="assumptions">${assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul></section>`;
};

/** A rate to four significant decimals, the language's way. */
const amountTextPrecise = (lang: Lang, n: number) =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 4 }).format(n).replace(/[\u00a0 ]/g, '\u202f');

/** One ally's page in one language, as UTF-8 bytes. */
const renderAllyPage = (d: ComplianceDataset, ally: DatasetAlly, lang: Lang): Buffer => {
  const t: T = (key, values) => labelIn(lang, key, values);
  const own = (path: string) => path.slice('allies/'.length);
  const body = `${header(d, ally, lang, t)}
<main>
${trajectorySection(d, ally, lang, t)}
${checkpointSection(ally, lang, t)}
${plansSection(ally, lang, t)}
${moneyGapSection(ally, lang, t)}
</main>`;
  return renderDocument({
    lang,
    title: t('page.ally.docTitle', { ally: allyNameIn(ally, lang), release: String(d.release.number) }),
    alternates: { en: own(allyPagePath(ally.iso3, 'en')), fr: own(allyPagePath(ally.iso3, 'fr')) },
    body,
    feeds: [{ href: feedHref(ally.iso3), title: t('page.feed.allyTitle', { ally: allyNameIn(ally, lang) }) }],
  });
};

export { renderAllyPage };
