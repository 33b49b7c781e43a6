// The page's script, as the text of app.js: plain browser JavaScript (no build, no framework),
// kept here as a string because the browser's DOM types are not the project's. It signs in with
// the authorization code flow and PKCE (S256) against the configured authority, keeps the ID
// token in sessionStorage only, and talks to the API with it; it never holds AWS keys. The upload
// is the presigned POST the API hands out, sent with XMLHttpRequest for its progress events.
import { MESSAGES } from './messages.ts';

const appScript = (allyNames: Readonly<Record<string, { en: string; fr: string }>>): string => `'use strict';
(() => {
const MESSAGES = ${JSON.stringify(MESSAGES)};
const ALLIES = ${JSON.stringify(allyNames)};
const LANG_KEY = 'dualtrack.lang';
const TOKEN_KEY = 'dualtrack.idToken';
const FLOW_KEY = 'dualtrack.signIn';
const OPEN_KEY = 'dualtrack.openReceipt';
const POLL_MS = 1500;
const POLL_LIMIT_MS = 180000;
const $ = (id) => document.getElementById(id);

let config = null;
let lang = localStorage.getItem(LANG_KEY) === 'fr' ? 'fr' : 'en';
let shownReceiptId = null;

const t = (key, params = {}) => (MESSAGES[lang][key] || MESSAGES.en[key] || key).replace(/\\{(\\w+)\\}/g, (m, name) => (name in params ? String(params[name]) : m));

const say = (text, isError = false) => {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
};

const applyLanguage = () => {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  document.title = t('title') + ' · dualtrack';
  const other = lang === 'fr' ? 'en' : 'fr';
  const sw = $('lang-switch');
  sw.textContent = MESSAGES[lang].switchLang;
  sw.lang = other;
  sw.setAttribute('aria-label', MESSAGES[lang].switchLangLabel);
};

// --- sign-in: authorization code with PKCE ----------------------------------------------------
const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
const randomText = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));

const startSignIn = async () => {
  const verifier = randomText(48);
  const state = randomText(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(config.authority.replace(/\\/$/, '') + '/oauth2/authorize');
  const params = { response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri, scope: 'openid email', state, code_challenge: challenge, code_challenge_method: 'S256', lang };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  location.assign(url.toString());
};

const finishSignIn = async (query) => {
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
  sessionStorage.removeItem(FLOW_KEY);
  history.replaceState(null, '', location.pathname);
  if (query.get('error')) throw new Error(query.get('error_description') || query.get('error'));
  if (!flow || flow.state !== query.get('state')) throw new Error('state mismatch');
  const body = new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: query.get('code'), redirect_uri: config.redirectUri, code_verifier: flow.verifier });
  const res = await fetch(config.authority.replace(/\\/$/, '') + '/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok || !answer.id_token) throw new Error(answer.error_description || answer.error || 'HTTP ' + res.status);
  sessionStorage.setItem(TOKEN_KEY, answer.id_token);
};

const claimsOf = (token) => {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
};

const currentToken = () => {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token && claimsOf(token);
  if (!claims || claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
};

const signOut = () => {
  sessionStorage.removeItem(TOKEN_KEY);
  if (config.local) return show();
  const url = new URL(config.authority.replace(/\\/$/, '') + '/logout');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', config.redirectUri);
  location.assign(url.toString());
};

// --- the API ------------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const api = async (path, init = {}) => {
  const token = currentToken();
  if (!token) {
    show();
    throw new ApiError(401, 'signed-out', t('sessionExpired'));
  }
  const res = await fetch(config.apiBase.replace(/\\/$/, '') + path, { ...init, headers: { ...(init.headers || {}), authorization: 'Bearer ' + token } });
  if (res.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    show();
    throw new ApiError(401, 'signed-out', t('sessionExpired'));
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    const error = body && body.error;
    throw new ApiError(res.status, (error && error.code) || 'http-' + res.status, (error && error.message) || 'HTTP ' + res.status);
  }
  return res;
};

// --- template ----------------------------------------------------------------------------------
const fileNameOf = (res, fallback) => {
  const m = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') || '');
  return m ? m[1] : fallback;
};

const downloadTemplate = async (templateLang) => {
  const res = await api('/template?lang=' + templateLang);
  if ((res.headers.get('content-type') || '').includes('application/json')) {
    const body = await res.json();
    location.assign(body.url);
    return;
  }
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameOf(res, 'template-' + templateLang + '.xlsx');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
};

// --- upload ------------------------------------------------------------------------------------
let chosenFile = null;

const sizeText = (bytes) => (bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + ' KB' : (bytes / 1024 / 1024).toFixed(1) + ' MB');

const choose = (file) => {
  chosenFile = file || null;
  $('chosen').textContent = chosenFile ? t('chosen', { name: chosenFile.name, size: sizeText(chosenFile.size) }) : '';
};

const contentTypeOf = (file) => {
  if (/\\.csv$/i.test(file.name)) return 'text/csv';
  if (/\\.xlsx$/i.test(file.name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return file.type || 'application/octet-stream';
};

const setProgress = (fraction) => {
  const pct = Math.round(fraction * 100);
  $('progress').value = pct;
  $('progress-text').textContent = pct + '%';
};

const postToStorage = (upload, file, contentType) =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    if (!('Content-Type' in upload.fields)) form.append('Content-Type', contentType);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) setProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        setProgress(1);
        resolve();
      } else {
        const m = /<Message>([^<]*)<\\/Message>/.exec(xhr.responseText || '');
        reject(new Error(m ? m[1] : 'HTTP ' + xhr.status));
      }
    });
    xhr.addEventListener('error', () => reject(new Error('network error')));
    xhr.send(form);
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const waitForReceipt = async (id) => {
  const started = Date.now();
  while (Date.now() - started < POLL_LIMIT_MS) {
    try {
      return await fetchReceipt(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    await sleep(POLL_MS);
  }
  return null;
};

const uploadChosen = async () => {
  if (!chosenFile) return say(t('noFile'), true);
  const file = chosenFile;
  const contentType = contentTypeOf(file);
  $('upload').disabled = true;
  $('progress-row').hidden = false;
  setProgress(0);
  try {
    say(t('preparing'));
    const res = await api('/uploads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fileName: file.name, size: file.size, contentType }) });
    const grant = await res.json();
    say(t('uploading', { name: file.name }));
    await postToStorage(grant.upload, file, contentType);
    say(t('waiting'));
    const shown = await waitForReceipt(grant.id);
    if (shown) say(t('verdict_' + shown.receipt.status) + ' · ' + file.name);
    else say(t('slow'));
    await loadHistory();
  } catch (error) {
    say(t('uploadFailed', { detail: error.message }), true);
  } finally {
    $('upload').disabled = false;
  }
};

// --- receipt -------------------------------------------------------------------------------------
/** A cell; \`label\` names its column on narrow screens, where each row shows as a card. */
const cell = (row, text, className, label) => {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  if (label) td.dataset.label = t(label);
  row.append(td);
  return td;
};

const dateText = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

const renderReceipt = (answer) => {
  const { receipt, annotatedUrl } = answer;
  const verdict = $('verdict');
  verdict.textContent = t('verdict_' + receipt.status);
  verdict.className = 'verdict ' + receipt.status;
  $('counts').textContent = t('counts', receipt.counts);
  // A portal upload's file name starts with its upload id, which means nothing to the reader.
  const file = receipt.file.replace(/^\\d{8}T\\d{9}Z-[a-z0-9]{16,32}-/, '');
  $('file-line').textContent = t('fileLine', { file, at: dateText(receipt.uploadedAt), id: receipt.submissionId });
  $('annotated-row').hidden = !annotatedUrl;
  if (annotatedUrl) $('annotated').href = annotatedUrl;
  const body = $('findings').tBodies[0];
  body.replaceChildren();
  for (const f of receipt.findings) {
    const row = document.createElement('tr');
    cell(row, t('severity_' + f.severity), 'sev-' + f.severity);
    cell(row, f.sheet === null ? t('wholeFile') : f.sheet, '', 'colSheet');
    cell(row, f.cell || '', '', 'colCell');
    cell(row, f.message);
    body.append(row);
  }
  $('findings-wrap').hidden = receipt.findings.length === 0;
  $('no-findings').hidden = receipt.findings.length > 0;
  $('receipt').hidden = false;
};

const fetchReceipt = async (id) => {
  const res = await api('/receipts/' + encodeURIComponent(id) + '?lang=' + lang);
  const answer = await res.json();
  shownReceiptId = id;
  renderReceipt(answer);
  return answer;
};

// --- history -------------------------------------------------------------------------------------
const loadHistory = async () => {
  const res = await api('/receipts');
  const { receipts } = await res.json();
  const body = $('history').tBodies[0];
  body.replaceChildren();
  for (const r of receipts) {
    const row = document.createElement('tr');
    cell(row, r.fileName, 'file-name');
    cell(row, dateText(r.receivedAt), '', 'colReceived');
    cell(row, t('verdict_' + r.status), r.status === 'rejected' ? 'sev-error' : '', 'colVerdict');
    cell(row, String(r.errors), '', 'colErrors');
    cell(row, String(r.warnings), '', 'colWarnings');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = t('show');
    button.setAttribute('aria-label', t('showReceipt', { file: r.fileName }));
    button.addEventListener('click', () => fetchReceipt(r.id).then(() => $('receipt').focus()).catch((e) => say(t('error_generic', { detail: e.message }), true)));
    cell(row, '').append(button);
    body.append(row);
  }
  $('history').hidden = receipts.length === 0;
  $('history-empty').hidden = receipts.length > 0;
};

// --- wiring ----------------------------------------------------------------------------------------
const show = () => {
  const token = currentToken();
  $('signed-out').hidden = Boolean(token);
  $('signed-in').hidden = !token;
  if (!token) return;
  const claims = claimsOf(token);
  const allyGroup = (claims['cognito:groups'] || []).find((g) => /^ally-[A-Z]{3}$/.test(g));
  const iso3 = allyGroup ? allyGroup.slice(5) : null;
  const name = iso3 ? (ALLIES[iso3] ? ALLIES[iso3][lang] : iso3) : 'analysts';
  $('who').textContent = t('signedInAs', { email: claims.email, ally: name });
};

const wire = () => {
  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'fr' ? 'en' : 'fr';
    localStorage.setItem(LANG_KEY, lang);
    applyLanguage();
    show();
    if (!currentToken()) return;
    loadHistory().catch(() => {});
    if (shownReceiptId) fetchReceipt(shownReceiptId).catch((e) => say(t('error_generic', { detail: e.message }), true));
  });
  $('sign-in').addEventListener('click', () => startSignIn().catch((e) => say(t('signInFailed', { detail: e.message }), true)));
  $('sign-out').addEventListener('click', signOut);
  for (const id of ['template-en', 'template-fr']) {
    $(id).addEventListener('click', (e) => downloadTemplate(e.currentTarget.dataset.lang).catch((err) => say(t('error_generic', { detail: err.message }), true)));
  }
  $('file').addEventListener('change', (e) => choose(e.target.files[0]));
  const zone = $('drop-zone');
  for (const type of ['dragenter', 'dragover']) zone.addEventListener(type, (e) => { e.preventDefault(); zone.classList.add('over'); });
  for (const type of ['dragleave', 'drop']) zone.addEventListener(type, () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length > 0) choose(e.dataTransfer.files[0]);
  });
  $('upload-form').addEventListener('submit', (e) => {
    e.preventDefault();
    uploadChosen();
  });
  $('refresh').addEventListener('click', () => loadHistory().catch((e) => say(t('error_generic', { detail: e.message }), true)));
};

const start = async () => {
  applyLanguage();
  wire();
  try {
    const res = await fetch('config.json', { cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    config = await res.json();
  } catch {
    return say(t('configMissing'), true);
  }
  const query = new URLSearchParams(location.search);
  // A receipt's e-mail links to the page with ?receipt=<submission id>: kept across the sign-in.
  if (query.has('receipt')) {
    sessionStorage.setItem(OPEN_KEY, query.get('receipt'));
    history.replaceState(null, '', location.pathname);
  }
  if (query.has('code') || query.has('error')) {
    say(t('signingIn'));
    try {
      await finishSignIn(query);
      say('');
    } catch (error) {
      say(t('signInFailed', { detail: error.message }), true);
    }
  }
  show();
  if (!currentToken()) return;
  await loadHistory().catch((e) => say(t('error_generic', { detail: e.message }), true));
  const wanted = sessionStorage.getItem(OPEN_KEY);
  sessionStorage.removeItem(OPEN_KEY);
  if (wanted) await fetchReceipt(wanted).catch((e) => say(t('error_generic', { detail: e.message }), true));
};

start();
})();
`;

export { appScript };
