// The page as the files a site serves under `submit/`: index.html, app.js and style.css. The
// publisher writes them into the public bucket beside index.html; `serve` answers them under
// /submit/. `config.json` is not among them: it names a deployment, so the stack or `serve` writes it.
// A light second surface of the area (eslint.config.js): the pipeline imports this file alone, so
// the bundles that hold the pipeline but never write the page (ingest) carry none of it.
import { ALLIES } from '../reference/index.ts';
import { indexHtml } from './html.ts';
import { appScript } from './script.ts';
import { STYLE_CSS } from './style.ts';

/** The folder of the public site the page lives in. */
/** The stack contract's BucketPrefix.submit, spelt out so a bundle that never writes the page keeps nothing of this file (a test holds them equal). */
const SUBMIT_FOLDER = 'submit/';
/** Relative to the page's folder (the stack contract's SUBMIT_CONFIG is the folder and this). */
const CONFIG_FILE = 'config.json';

interface PageFile {
  /** Relative to the page's folder. */
  path: string;
  body: string;
  contentType: string;
}

const allyNames = (): Record<string, { en: string; fr: string }> => Object.fromEntries(ALLIES.map((a) => [a.iso3, { en: a.nameEn, fr: a.nameFr }]));

/** The page's files, in the order a writer should put them (index.html last, once what it loads is there). */
const submitPageFiles = (): readonly PageFile[] => [
  { path: 'style.css', body: STYLE_CSS, contentType: 'text/css; charset=utf-8' },
  { path: 'app.js', body: appScript(allyNames()), contentType: 'text/javascript; charset=utf-8' },
  { path: 'index.html', body: indexHtml(), contentType: 'text/html; charset=utf-8' },
];

export { submitPageFiles, SUBMIT_FOLDER, CONFIG_FILE };
export type { PageFile };
