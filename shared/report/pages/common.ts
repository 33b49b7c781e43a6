// Pieces both public pages use: names and statuses in the page's language, and the addresses of
// the pages relative to one another.
import { publicKeys } from '../../storage/keys.ts';
import type { Lang } from '../../text/index.ts';
import type { ComplianceDataset, DatasetAlly } from '../dataset.ts';
import { escapeHtml } from '../escape-html.ts';
import { allyPagePath } from '../manifest.ts';
import { STATUS_STYLE } from '../presentation.ts';
import type { ShownStatus } from '../presentation.ts';
import { labelIn } from '../labels.ts';

/** The ally's name as the language writes it. */
const allyNameIn = (ally: Pick<DatasetAlly, 'name' | 'nameFr'>, lang: Lang): string => (lang === 'fr' && ally.nameFr !== '' ? ally.nameFr : ally.name);

/** The main page of a language, from a page `up` folders below the bucket root ('' at the root, '../../' from allies/). */
const mainPageHref = (lang: Lang, up: string): string => `${up}${lang === 'fr' ? publicKeys.indexHtmlFr : publicKeys.indexHtml}`;

const trackLabel = (lang: Lang, track: 'core' | 'security' | 'combined'): string => labelIn(lang, `page.track.${track}`);

/**
 * The licence the operator states in the rules, linked to its text (rel="license"), or that none
 * is stated: every page says what readers may do with the figures.
 */
const licenseLine = (lang: Lang, rules: Pick<ComplianceDataset['rules'], 'id' | 'license'>): string => {
  const l = rules.license;
  if (!l) return `<p class="license muted">${escapeHtml(labelIn(lang, 'page.license.none', { rules: rules.id }))}</p>`;
  return `<p class="license" data-license="${escapeHtml(l.name)}">${escapeHtml(labelIn(lang, 'page.license.label'))} <a rel="license" href="${escapeHtml(l.path)}">${escapeHtml(l.title)}</a> (${escapeHtml(l.name)}), ${escapeHtml(labelIn(lang, 'page.license.by', { rules: rules.id }))}</p>`;
};

/** A status cell, coloured as in every report, worded in the page's language. */
const statusCell = (lang: Lang, status: ShownStatus): string => {
  const s = STATUS_STYLE[status];
  return `<td class="status ${status}" style="background:#${s.fill};color:#${s.ink}">${escapeHtml(labelIn(lang, `page.status.${status}`))}</td>`;
};

export { allyNameIn, allyPagePath, mainPageHref, trackLabel, statusCell, licenseLine };
