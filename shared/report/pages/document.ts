// The frame every public page shares: the language, its alternates in the other languages
// (hreflang links and a visible switch), the style, and a Content Security Policy that lets
// nothing load from anywhere. A page's only script, when it has one, is inline and allowed by
// its hash, so the page works the same from a file:// open, from S3 and from any web server.
import { createHash } from 'node:crypto';
import { LANGS } from '../../text/index.ts';
import type { Lang } from '../../text/index.ts';
import { escapeHtml } from '../escape-html.ts';
import { labelIn } from '../labels.ts';

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; color: #1a1a1a; line-height: 1.45; overflow-wrap: break-word; }
@media (max-width: 40rem) { body { padding: .75rem .75rem 2rem; } h1 { font-size: 1.3rem; } }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1rem; margin-top: 1.25rem; }
a { color: #0b57a4; } a:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid #0b57a4; outline-offset: 2px; }
.meta, .muted { color: #555; font-size: .9rem; } code { font-size: .85em; word-break: break-all; }
.topnav { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; justify-content: space-between; font-size: .95rem; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.headline li { border: 1px solid #ddd; border-radius: .4rem; padding: .6rem .8rem; } .headline strong { font-size: 1.5rem; display: block; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; } th, td { border-bottom: 1px solid #e5e5e5; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f6f6f6; position: sticky; top: 0; } tbody th { font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
svg text { font-size: 11px; fill: #1a1a1a; } svg .muted { fill: #555; font-style: italic; }
td.note { max-width: 16rem; } td.note summary { cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
td.note details[open] summary { white-space: normal; }
.sort { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; margin: .5rem 0; }
.sort button { font: inherit; font-size: .9rem; padding: .25rem .6rem; border: 1px solid #888; border-radius: .3rem; background: #fff; color: #1a1a1a; cursor: pointer; }
.sort button[aria-pressed="true"] { background: #0b57a4; border-color: #0b57a4; color: #fff; }
ul.legend { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; font-size: .85rem; } ul.legend svg { vertical-align: middle; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
`;

interface PageDocument {
  lang: Lang;
  title: string;
  /** This page's address in every language, relative to this page (the page's own included). */
  alternates: Readonly<Record<Lang, string>>;
  /** The page's content inside <body>, already escaped. */
  body: string;
  /** An inline script (trusted text written by this project, never data), allowed by its hash. */
  script?: string;
  /** Atom feeds the page follows, relative to the page, for browsers and feed readers to find. */
  feeds?: readonly { href: string; title: string }[];
}

/** The CSP source that allows exactly this inline script. */
const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/** The link to the same page in every other language, each named in its own language. */
const languageSwitch = (lang: Lang, alternates: PageDocument['alternates']): string =>
  LANGS.filter((other) => other !== lang)
    .map(
      (other) =>
        `<a href="${escapeHtml(alternates[other])}" hreflang="${other}" lang="${other}" rel="alternate" data-switch="${other}">${escapeHtml(labelIn(other, 'page.languageName'))}</a>`,
    )
    .join(' ');

/** The whole document as UTF-8 bytes. */
const renderDocument = ({ lang, title, alternates, body, script, feeds = [] }: PageDocument): Buffer => {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    ...(script === undefined ? [] : [`script-src ${scriptHash(script)}`]),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const links = [
    ...LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(alternates[l])}">`),
    ...feeds.map((f) => `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(f.title)}" href="${escapeHtml(f.href)}">`),
  ].join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
${links}
<style>${STYLE}</style>
</head>
<body>
${body}
${script === undefined ? '' : `<script>${script}</script>\n`}</body>
</html>
`;
  return Buffer.from(html, 'utf8');
};

export { renderDocument, languageSwitch, scriptHash };
export type { PageDocument };
