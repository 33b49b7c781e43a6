// The submitters' portal as an officer meets it: a real `serve` on loopback (a child process),
// users added with `dualtrack users add`, the page in headless Chromium. Estonia's officer signs
// in through the local identity provider (code flow with PKCE), downloads the template, uploads
// it with two mistakes and reads the rejected receipt naming both cells, reads it again in
// French, uploads the corrected file and sees it accepted, and the public page shows the new
// figure. Poland's officer sees none of it, a request for Poland's receipts with Estonia's token
// is refused, and the outbox holds one message per receipt. Screenshots of the page at 1280 and
// 400 px go to /tmp/portal-shots/ for a person to look at.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createLocalS3Client } from '../../local/contract.ts';
import { PROJECT_ROOT } from '../../local/index.ts';
import { launchChromium } from '../helpers/chromium.ts';
import type { LaunchedChromium } from '../helpers/chromium.ts';
import { runEntry } from '../helpers/cli-process.ts';
import { tempDirs } from '../helpers/temp.ts';
import { fillTemplate } from '../helpers/workbooks.ts';
import { freePort, startChild } from './helpers/child.ts';
import type { Child } from './helpers/child.ts';

const SHOTS = '/tmp/portal-shots';
const EST_EMAIL = 'officer@mod.ee';
const POL_EMAIL = 'officer@mon.gov.pl';
/** Estonia's 2024: core 1,400 of a GDP of 40,000 is 3.50% of GDP. */
const FIXED = { 2024: { status: 'actual', gdp: 40_000, 'core.total': 1_400, 'security.total': 100 } } as const;
/** The same with two mistakes: a negative core total and text where the security-related total goes. */
const BROKEN = { 2024: { status: 'actual', gdp: 40_000, 'core.total': -1_400, 'security.total': 'about 100' } } as const;

describe("the submitters' portal on serve, in Chromium", () => {
  const temp = tempDirs('dualtrack-portal-', 'all');
  let dir: string;
  let endpoint: string;
  let serve: Child;
  let chromium: LaunchedChromium;
  let page: Page;
  const passwords = new Map<string, string>();

  const addUser = async (email: string, ally: string): Promise<void> => {
    const run = await runEntry(['users', 'add', '--ally', ally, '--email', email, '--endpoint', endpoint]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const password = /Sign-in password: (\S+)/.exec(run.stdout)?.[1];
    if (!password) throw new Error(`users add printed no password:\n${run.stdout}`);
    passwords.set(email, password);
  };

  /** Signs in through the identity provider's form, with the mouse or (`keyboard`) with Tab, typing and Enter only. */
  const signIn = async (p: Page, email: string, { keyboard = false, shot = '' } = {}): Promise<void> => {
    await p.goto(`${endpoint}/submit/`);
    if (keyboard) {
      // The language switch, then the sign-in button (shown once the page has read its
      // config); on the provider's form the e-mail has the focus.
      await p.locator('#sign-in').waitFor();
      await p.keyboard.press('Tab');
      await p.keyboard.press('Tab');
      await p.locator('#sign-in:focus').waitFor();
      await p.keyboard.press('Enter');
      await p.waitForURL(/\/idp\/oauth2\/authorize/);
      await p.locator('#email:focus').waitFor();
      await p.keyboard.type(email);
      await p.keyboard.press('Tab');
      await p.keyboard.type(passwords.get(email) ?? '');
      await p.keyboard.press('Enter');
    } else {
      await p.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
      await p.waitForURL(/\/idp\/oauth2\/authorize/);
      if (shot) await shoot(p, shot);
      await p.getByLabel(/E-mail|Adresse électronique/).fill(email);
      await p.getByLabel(/Password|Mot de passe/).fill(passwords.get(email) ?? '');
      await p.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
    }
    await p.waitForURL(`${endpoint}/submit/`);
    await p.locator('#who').filter({ hasText: email }).waitFor();
  };

  const upload = async (p: Page, name: string, bytes: Buffer): Promise<void> => {
    await p.locator('#file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await p.getByRole('button', { name: /^(Upload|Déposer)$/ }).click();
    await p.locator('#file-line').filter({ hasText: name }).waitFor({ timeout: 90_000 });
  };

  /** Drops a file on the drop zone as a drag from the desktop does, then uploads it. */
  const dropAndUpload = async (p: Page, name: string, bytes: Buffer): Promise<void> => {
    const transfer = await p.evaluateHandle(
      `(() => { const t = new DataTransfer(); t.items.add(new File([Uint8Array.from(atob('${bytes.toString('base64')}'), (c) => c.charCodeAt(0))], ${JSON.stringify(name)})); return t; })()`,
    );
    await p.dispatchEvent('#drop-zone', 'dragover', { dataTransfer: transfer });
    await p.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
    await p.locator('#chosen').filter({ hasText: name }).waitFor();
    await p.getByRole('button', { name: /^(Upload|Déposer)$/ }).click();
    await p.locator('#file-line').filter({ hasText: name }).waitFor({ timeout: 90_000 });
  };

  // Browser-side code is written as text: the DOM's types are not the project's.
  const idToken = async (p: Page): Promise<string> => String(await p.evaluate("sessionStorage.getItem('dualtrack.idToken') ?? ''"));

  const api = async (token: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${endpoint}/api${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  };

  /** The findings table, row by row, each cell's text without its narrow-screen label. */
  const findingRows = async (p: Page): Promise<string[][]> => {
    const rows = p.locator('#findings tbody tr');
    return Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
  };

  /** Screenshots at 1280 and 400 px; at either width the page must not scroll sideways. */
  const shoot = async (p: Page, name: string): Promise<void> => {
    for (const width of [1280, 400]) {
      await p.setViewportSize({ width, height: 900 });
      await p.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
      await expect(p.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(width);
    }
    await p.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    dir = temp.make();
    await mkdir(SHOTS, { recursive: true });
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    serve = startChild(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'cli/main.ts', 'serve', '--port', String(port), '--dir', dir], PROJECT_ROOT);
    await serve.waitFor(/Press Ctrl-C to stop/, 60_000);
    await addUser(EST_EMAIL, 'EST');
    await addUser(POL_EMAIL, 'Poland');
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await serve?.stop('SIGTERM', 10_000);
  });

  it("signs Estonia's officer in with the code flow and PKCE, and shows the page in English", async () => {
    // Act
    await page.goto(`${endpoint}/submit/`);
    await shoot(page, '0-signed-out');
    await signIn(page, EST_EMAIL, { shot: '0-identity-provider' });
    // Assess
    await expect(page.locator('#who').textContent()).resolves.toBe(`Signed in as ${EST_EMAIL}, for Estonia.`);
    expect(page.url()).toBe(`${endpoint}/submit/`);
    await page.locator('#history-empty').waitFor();
    const claims = JSON.parse(Buffer.from((await idToken(page)).split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: `${endpoint}/idp`, aud: 'dualtrack-local-portal', email: EST_EMAIL, token_use: 'id', 'cognito:groups': ['ally-EST'] });
  });

  let template: Buffer;
  it("downloads Estonia's template", async () => {
    // Act
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the template (English)' }).click()]);
    const path = join(dir, 'template.xlsx');
    await download.saveAs(path);
    template = await readFile(path);
    // Assess
    expect(download.suggestedFilename()).toBe('dualtrack-template-EST-en.xlsx');
    expect(template.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  let rejectedCells: string[];
  it('uploads the template with two mistakes and shows the rejected receipt naming both cells', async () => {
    // Act
    await upload(page, 'estonia-2024.xlsx', await fillTemplate(template, BROKEN));
    // Assess
    await expect(page.locator('#verdict').textContent()).resolves.toBe('Rejected');
    await expect(page.locator('#counts').textContent()).resolves.toMatch(/^2 errors, /);
    await expect(page.locator('#progress').getAttribute('value')).resolves.toBe('100');
    await expect(page.locator('#file-line').textContent()).resolves.toMatch(/^File estonia-2024\.xlsx, received /);
    const errors = (await findingRows(page)).filter((cells) => cells[0] === 'Error');
    expect(errors).toHaveLength(2);
    rejectedCells = errors.map((cells) => cells[2] ?? '');
    expect(rejectedCells.every((c) => /^[A-Z]+\d+$/.test(c))).toBe(true);
    expect(new Set(rejectedCells).size).toBe(2);
    expect(errors.map((cells) => cells[3]).join('\n')).toMatch(/negative/);
    expect(errors.map((cells) => cells[3]).join('\n')).toMatch(/about 100/);
    await expect(page.locator('#annotated').getAttribute('href')).resolves.toMatch(new RegExp(`^${endpoint}/downloads/receipts/EST/`));
    await expect.poll(() => page.locator('#history tbody tr').count()).toBe(1);
    await shoot(page, '1-rejected');
  });

  it("stores the upload under Estonia's folder with the uploader's identity", async () => {
    // Prepare
    const client = createLocalS3Client(endpoint);
    try {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'dualtrack-uploads', Prefix: 'submissions/' }));
      const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
      // Act
      const head = await client.send(new HeadObjectCommand({ Bucket: 'dualtrack-uploads', Key: keys[0] }));
      // Assess
      expect(keys).toEqual([expect.stringMatching(/^submissions\/EST\/\d{8}T\d{9}Z-[a-z0-9]{16,32}-estonia-2024\.xlsx$/)]);
      expect(head.ContentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(head.Metadata).toMatchObject({ uploader: EST_EMAIL, 'uploader-sub': expect.stringMatching(/^[0-9a-f-]{36}$/) });
    } finally {
      client.destroy();
    }
  });

  it('serves the annotated workbook through its signed link', async () => {
    // Act
    const href = (await page.locator('#annotated').getAttribute('href')) ?? '';
    const res = await fetch(href);
    const forged = await fetch(href.replace(/signature=[^&]+/, 'signature=forged'));
    // Assess
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(forged.status).toBe(403);
  });

  it('shows the same findings in French after the switch, and remembers the choice', async () => {
    // Act
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('#verdict').filter({ hasText: 'Refusé' }).waitFor();
    await page.reload();
    await page.locator('#history tbody tr').first().waitFor();
    await page.getByRole('button', { name: /^Afficher l’accusé de estonia-2024\.xlsx$/ }).click();
    await page.locator('#verdict').filter({ hasText: 'Refusé' }).waitFor();
    // Assess
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.locator('h1').textContent()).resolves.toBe('Soumettre vos chiffres');
    const errors = (await findingRows(page)).filter((cells) => cells[0] === 'Erreur');
    expect(errors.map((cells) => cells[2])).toEqual(rejectedCells);
    expect(errors.map((cells) => cells[3]).join('\n')).toMatch(/contient un montant négatif/);
    expect(errors.map((cells) => cells[3]).join('\n')).toMatch(/n’est pas un nombre/);
    await shoot(page, '2-rejected-fr');
  });

  it('uploads the corrected file dropped on the page, shows it accepted, and the public page shows the new figure', async () => {
    // Act
    await dropAndUpload(page, 'estonia-2024-corrected.xlsx', await fillTemplate(template, FIXED));
    // Assess
    await expect(page.locator('#verdict').getAttribute('class')).resolves.toMatch(/verdict accepted/);
    await expect.poll(() => page.locator('#history tbody tr').count()).toBe(2);
    await shoot(page, '3-accepted-fr');
    const publicPage = await chromium.browser.newPage();
    try {
      // latest/compliance.json is the publisher's last write: once it is there, so is the page.
      await expect
        .poll(async () => (await fetch(`${endpoint}/dualtrack-public/latest/compliance.json`)).status, { timeout: 60_000, interval: 500 })
        .toBe(200);
      await publicPage.goto(`${endpoint}/dualtrack-public/index.html`);
      const estonia = publicPage.locator('#standings tr', { hasText: 'Estonia' });
      await expect(estonia.first().textContent()).resolves.toMatch(/3\.50/);
      // The publisher copied the page beside the reports; serve gave that copy its config.json.
      await publicPage.goto(`${endpoint}/dualtrack-public/submit/`);
      await publicPage.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
      await publicPage.getByLabel(/E-mail|Adresse électronique/).fill(EST_EMAIL);
      await publicPage.getByLabel(/Password|Mot de passe/).fill(passwords.get(EST_EMAIL) ?? '');
      await publicPage.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
      await publicPage.locator('#history tbody tr').nth(1).waitFor();
      const config = (await (await fetch(`${endpoint}/dualtrack-public/submit/config.json`)).json()) as { redirectUri: string };
      expect(config.redirectUri).toBe(`${endpoint}/dualtrack-public/submit/`);
    } finally {
      await publicPage.close();
    }
  });

  it("keeps Estonia's receipts from Poland's officer (signed in with the keyboard alone)", async () => {
    // Prepare
    const polish = await chromium.browser.newPage();
    try {
      await signIn(polish, POL_EMAIL, { keyboard: true });
      const token = await idToken(polish);
      const estonian = (await api(await idToken(page), '/receipts')).body as { receipts: { id: string }[] };
      // Act
      const own = await api(token, '/receipts');
      const named = await api(token, '/receipts?ally=EST');
      const byId = await api(token, `/receipts/${estonian.receipts[0]?.id ?? ''}`);
      // Assess
      await polish.locator('#history-empty').waitFor();
      await expect(polish.locator('#who').textContent()).resolves.toBe(`Connecté en tant que ${POL_EMAIL}, pour Pologne.`);
      expect(own).toEqual({ status: 200, body: { ally: 'POL', receipts: [] } });
      expect(named.status).toBe(403);
      expect(byId.status).toBe(404);
    } finally {
      await polish.close();
    }
  });

  it("refuses a request naming Poland with Estonia's token, and never signs an upload outside Estonia's folder", async () => {
    // Prepare
    const token = await idToken(page);
    // Act
    const receipts = await api(token, '/receipts?ally=POL');
    const grant = await api(token, '/uploads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fileName: 'x.xlsx', size: 10, ally: 'POL' }) });
    const forgedToken = `${token.slice(0, -4)}AAAA`;
    const forged = await api(forgedToken, '/receipts');
    // Assess
    expect(receipts.status).toBe(403);
    expect(receipts.body).toMatchObject({ error: { code: 'other-ally' } });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ key: expect.stringMatching(/^submissions\/EST\//) });
    expect(forged.status).toBe(401);
  });

  it('holds one message in the outbox per receipt, with its ally and status', async () => {
    // Act
    const files = (await readdir(join(dir, 'outbox'))).sort();
    const messages = await Promise.all(
      files.filter((f) => f.endsWith('.json')).map(async (f) => JSON.parse(await readFile(join(dir, 'outbox', f), 'utf8')) as { attributes: { ally: string; status: string }; to: string | null }),
    );
    const emails = await Promise.all(files.filter((f) => f.endsWith('.eml')).map((f) => readFile(join(dir, 'outbox', f), 'utf8')));
    const receipts = (await readdir(join(dir, 's3', 'dualtrack-uploads', 'receipts', 'EST'))).filter((f) => f.endsWith('.json._S3rver_object'));
    // Assess
    expect(receipts).toHaveLength(2);
    expect(messages.map((m) => m.to)).toEqual([EST_EMAIL, EST_EMAIL]);
    expect(messages.map((m) => m.attributes)).toEqual([
      { ally: 'EST', status: 'rejected' },
      { ally: 'EST', status: expect.stringMatching(/^accepted/) },
    ]);
    expect(emails).toHaveLength(2);
    expect(emails[0]).toMatch(/^Subject: dualtrack: estonia-2024\.xlsx rejected\r$/m);
  });

  it("opens the receipt an e-mail links to, after signing in", async () => {
    // Prepare: the rejected upload's e-mail, read in a fresh tab (no session yet).
    const files = (await readdir(join(dir, 'outbox'))).filter((f) => f.endsWith('.eml')).sort();
    const email = await readFile(join(dir, 'outbox', files[0] ?? ''), 'utf8');
    const link = new RegExp(`${endpoint}/submit/\\?receipt=\\S+`).exec(email)?.[0] ?? '';
    const reader = await chromium.browser.newPage();
    try {
      // Act
      await reader.goto(link);
      await reader.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
      await reader.getByLabel(/E-mail|Adresse électronique/).fill(EST_EMAIL);
      await reader.getByLabel(/Password|Mot de passe/).fill(passwords.get(EST_EMAIL) ?? '');
      await reader.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
      // Assess
      await reader.locator('#verdict').filter({ hasText: /^(Rejected|Refusé)$/ }).waitFor();
      expect(link).not.toBe('');
      expect(reader.url()).toBe(`${endpoint}/submit/`);
    } finally {
      await reader.close();
    }
  });
});
