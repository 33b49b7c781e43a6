// The portal API as a caller meets it: uploads signed for the token's ally only, receipts of one's
// own ally, and a 4xx with a code and one sentence for everything else. Receipts live in a real
// (in-memory) store, written the way ingest writes them.
import { beforeEach, describe, expect, it } from 'vitest';
import { findingOf, rewordFinding } from '../../../shared/findings/index.ts';
import type { Finding } from '../../../shared/findings/index.ts';
import { buildReceipt } from '../../../shared/ingest/index.ts';
import type { Receipt } from '../../../shared/model/index.ts';
import { portalApi, REFUSALS } from '../../../shared/portal/index.ts';
import type { PortalDeps, PortalRequest, PortalResponse, ReceiptView, UploadToSign } from '../../../shared/portal/index.ts';
import { BucketRole, createMemoryStorage, uploadsKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const TOKEN = 'k3x9q2m7a1b8c4d6';
const MAX = 10 * 1024 * 1024;

const claimsOf = (groups: string[] | undefined, email = 'officer@mod.example') => ({
  sub: `sub-${email}`,
  email,
  token_use: 'id',
  ...(groups ? { 'cognito:groups': groups } : {}),
});
const EST = claimsOf(['ally-EST']);
const POL = claimsOf(['ally-POL'], 'officer@mon.example');
const ANALYST = claimsOf(['analysts'], 'analyst@hq.example');

interface World {
  storage: Storage;
  signed: UploadToSign[];
  mfa: boolean;
  deps: PortalDeps;
}

const world = (): World => {
  const w: World = {
    storage: createMemoryStorage(),
    signed: [],
    mfa: true,
    deps: undefined as unknown as PortalDeps,
  };
  w.deps = {
    receipts: w.storage,
    presignUpload: async (upload) => {
      w.signed.push(upload);
      return { url: 'https://uploads.example/', fields: { key: upload.key } };
    },
    signDownload: async (key) => `https://uploads.example/${key}?signed`,
    template: async (ally, lang) => ({ bytes: new TextEncoder().encode(`${ally}-${lang}`), fileName: `${ally}-${lang}.xlsx` }),
    analystHasMfa: async () => w.mfa,
    maxBytes: MAX,
    now: () => NOW,
    newId: () => TOKEN,
  };
  return w;
};

const call = (w: World, method: string, path: string, claims: unknown, extra: Partial<PortalRequest> = {}): Promise<PortalResponse> =>
  portalApi({ method, path, query: {}, claims, ...extra }, w.deps);

const upload = (w: World, claims: unknown, body: unknown) => call(w, 'POST', '/uploads', claims, { body: JSON.stringify(body) });

/** A receipt as ingest files it for an object under submissions/<ally>/, with its annotated copy. */
const fileReceipt = async (w: World, ally: string, submissionId: string, objectName: string, errors = 0, annotated = true): Promise<Receipt> => {
  const receipt = buildReceipt({
    submissionId,
    fileName: objectName,
    uploadedAt: `${submissionId.slice(0, 4)}-${submissionId.slice(4, 6)}-${submissionId.slice(6, 8)}T${submissionId.slice(9, 11)}:${submissionId.slice(11, 13)}:00.000Z`,
    checkedAt: NOW.toISOString(),
    source: { key: uploadsKeys.submission(ally, objectName), versionId: null, etag: 'e' },
    ally,
    years: [2025],
    findings: Array.from({ length: errors }, (_, i) => findingOf('no-years', { sheet: 'Data', cell: `B${i + 2}` })),
    records: [],
  });
  await w.storage.put(BucketRole.uploads, uploadsKeys.receiptJson(ally, submissionId), JSON.stringify(receipt));
  if (annotated) await w.storage.put(BucketRole.uploads, uploadsKeys.receiptWorkbook(ally, submissionId), 'xlsx');
  return receipt;
};

const expectRefusal = (response: PortalResponse, code: keyof typeof REFUSALS) => {
  expect(response.status).toBe(REFUSALS[code]);
  const body = response.body as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  // One sentence: a capital, no line break, one full stop at the end.
  expect(body.error.message).toMatch(/^[A-Z"].*[.]$/);
  expect(body.error.message).not.toMatch(/\n/);
};

let w: World;
beforeEach(() => {
  w = world();
});

describe('POST /uploads', () => {
  it('signs exactly submissions/<token ally>/<id>-<safe name>, its size and type, and who uploads', async () => {
    // Act
    const response = await upload(w, EST, { fileName: 'Estonia 2026.xlsx', size: 12_345 });

    // Assess
    const id = `20261201T090000000Z-${TOKEN}`;
    expect(response).toEqual({
      status: 201,
      body: { id, key: `submissions/EST/${id}-Estonia-2026.xlsx`, upload: { url: 'https://uploads.example/', fields: { key: `submissions/EST/${id}-Estonia-2026.xlsx` } }, expiresAt: '2026-12-01T09:15:00.000Z' },
    });
    expect(w.signed).toEqual([
      {
        key: `submissions/EST/${id}-Estonia-2026.xlsx`,
        size: 12_345,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        metadata: { uploader: 'officer@mod.example', 'uploader-sub': 'sub-officer@mod.example' },
        expiresInSeconds: 900,
      },
    ]);
  });

  it('never uses an ally, key or folder the body names', async () => {
    await upload(w, EST, { fileName: '../POL/pol.xlsx', size: 10, ally: 'POL', key: 'submissions/POL/x.xlsx', iso3: 'POL' });
    expect(w.signed.map((s) => s.key)).toEqual([`submissions/EST/20261201T090000000Z-${TOKEN}-pol.xlsx`]);
  });

  it('signs nothing for an account with no group, two ally groups, or an analyst', async () => {
    expectRefusal(await upload(w, claimsOf(undefined), { fileName: 'a.xlsx', size: 10 }), 'no-ally');
    expectRefusal(await upload(w, claimsOf(['ally-EST', 'ally-POL']), { fileName: 'a.xlsx', size: 10 }), 'ambiguous-ally');
    expectRefusal(await upload(w, ANALYST, { fileName: 'a.xlsx', size: 10, ally: 'EST' }), 'analyst-cannot-upload');
    expect(w.signed).toEqual([]);
  });

  it('signs up to the ingest limit given, and refuses a byte more', async () => {
    expect((await upload(w, EST, { fileName: 'a.csv', size: MAX })).status).toBe(201);
    expectRefusal(await upload(w, EST, { fileName: 'a.csv', size: MAX + 1 }), 'too-large');
    expect(w.signed.map((s) => s.size)).toEqual([MAX]);
  });

  it('refuses a body that is not JSON, lacks a size, or names a refused type', async () => {
    expectRefusal(await call(w, 'POST', '/uploads', EST, { body: '{"fileName":' }), 'bad-json');
    expectRefusal(await upload(w, EST, { fileName: 'a.xlsx' }), 'bad-request');
    expectRefusal(await upload(w, EST, { fileName: 'a.xlsx', size: 1.5 }), 'bad-request');
    expectRefusal(await upload(w, EST, { fileName: 'a.xls', size: 10 }), 'unsupported-type');
  });

  it('takes a body the host already parsed', async () => {
    expect((await call(w, 'POST', '/uploads', EST, { body: { fileName: 'a.xlsx', size: 10 } })).status).toBe(201);
  });
});

describe('GET /receipts', () => {
  it("lists the caller's ally's receipts newest first, with the file name the officer chose", async () => {
    // Prepare
    await fileReceipt(w, 'EST', '20261130T100000000Z-aaaaaaaaaaaa', `20261130T095900000Z-${TOKEN}-old.xlsx`, 2);
    await fileReceipt(w, 'EST', '20261201T080000000Z-bbbbbbbbbbbb', 'by-cli.csv');
    await fileReceipt(w, 'POL', '20261201T080000000Z-cccccccccccc', 'pol.xlsx');

    // Act
    const response = await call(w, 'GET', '/receipts', EST);

    // Assess
    expect(response).toEqual({
      status: 200,
      body: {
        ally: 'EST',
        receipts: [
          { id: '20261201T080000000Z-bbbbbbbbbbbb', uploadId: null, fileName: 'by-cli.csv', status: 'accepted', receivedAt: '2026-12-01T08:00:00.000Z', errors: 0, warnings: 0 },
          { id: '20261130T100000000Z-aaaaaaaaaaaa', uploadId: `20261130T095900000Z-${TOKEN}`, fileName: 'old.xlsx', status: 'rejected', receivedAt: '2026-11-30T10:00:00.000Z', errors: 2, warnings: 0 },
        ],
      },
    });
  });

  it("refuses a submitter another ally's receipts, and accepts their own ally named", async () => {
    await fileReceipt(w, 'EST', '20261201T080000000Z-bbbbbbbbbbbb', 'est.csv');
    expect(await call(w, 'GET', '/receipts', POL)).toEqual({ status: 200, body: { ally: 'POL', receipts: [] } });
    expectRefusal(await call(w, 'GET', '/receipts', POL, { query: { ally: 'EST' } }), 'other-ally');
    expectRefusal(await call(w, 'GET', '/receipts', EST, { query: { ally: 'POL' } }), 'other-ally');
    expect((await call(w, 'GET', '/receipts', EST, { query: { ally: 'est' } })).status).toBe(200);
    expectRefusal(await call(w, 'GET', '/receipts', EST, { query: { ally: 'XYZ' } }), 'unknown-ally');
  });

  it('lets an analyst with MFA read any ally named, and no analyst without MFA', async () => {
    await fileReceipt(w, 'POL', '20261201T080000000Z-cccccccccccc', 'pol.xlsx');
    expect(await call(w, 'GET', '/receipts', ANALYST, { query: { ally: 'POL' } })).toMatchObject({ status: 200, body: { ally: 'POL', receipts: [{ fileName: 'pol.xlsx' }] } });
    expectRefusal(await call(w, 'GET', '/receipts', ANALYST), 'ally-required');
    w.mfa = false;
    expectRefusal(await call(w, 'GET', '/receipts', ANALYST, { query: { ally: 'POL' } }), 'analyst-needs-mfa');
  });
});

describe('GET /receipts/{id}', () => {
  it('finds the receipt of an upload id, with a link to its annotated workbook and without its records', async () => {
    // Prepare: the page polls with the id POST /uploads gave
    const { body } = (await upload(w, EST, { fileName: 'est.xlsx', size: 10 })) as { body: { id: string } };
    expectRefusal(await call(w, 'GET', `/receipts/${body.id}`, EST), 'receipt-not-found');
    await fileReceipt(w, 'EST', '20261201T090001000Z-dddddddddddd', `${body.id}-est.xlsx`, 2);
    await fileReceipt(w, 'EST', '20261201T090002000Z-eeeeeeeeeeee', `20261201T090000000Z-zzzzzzzzzzzzzzzz-other.xlsx`);

    // Act
    const response = await call(w, 'GET', `/receipts/${body.id}`, EST);

    // Assess
    expect(response).toMatchObject({
      status: 200,
      body: {
        receipt: { submissionId: '20261201T090001000Z-dddddddddddd', status: 'rejected', counts: { errors: 2 } },
        annotatedUrl: 'https://uploads.example/receipts/EST/20261201T090001000Z-dddddddddddd.xlsx?signed',
      },
    });
    expect(response.body).not.toHaveProperty('receipt.records');
  });

  it('words the findings in the language asked, and refuses a language it does not know', async () => {
    const filed = await fileReceipt(w, 'EST', '20261201T080000000Z-bbbbbbbbbbbb', 'est.csv', 1);
    const firstMessage = (r: PortalResponse) => (r.body as unknown as { receipt: ReceiptView }).receipt.findings[0]?.message;
    const french = firstMessage(await call(w, 'GET', '/receipts/20261201T080000000Z-bbbbbbbbbbbb', EST, { query: { lang: 'fr' } }));
    const english = firstMessage(await call(w, 'GET', '/receipts/20261201T080000000Z-bbbbbbbbbbbb', EST));
    expect(english).toBe(filed.findings[0]?.message);
    expect(french).toBe(rewordFinding(filed.findings[0] as Finding, 'fr').message);
    expect(french).not.toBe(english);
    expectRefusal(await call(w, 'GET', '/receipts/20261201T080000000Z-bbbbbbbbbbbb', EST, { query: { lang: 'de' } }), 'bad-request');
  });

  it('finds a receipt by its submission id, with no link when there is no annotated copy', async () => {
    await fileReceipt(w, 'EST', '20261201T080000000Z-bbbbbbbbbbbb', 'by-cli.csv', 0, false);
    expect(await call(w, 'GET', '/receipts/20261201T080000000Z-bbbbbbbbbbbb', EST)).toMatchObject({
      status: 200,
      body: { receipt: { file: 'by-cli.csv' }, annotatedUrl: null },
    });
  });

  it("never shows another ally's receipt, whatever the id", async () => {
    await fileReceipt(w, 'POL', '20261201T080000000Z-cccccccccccc', 'pol.xlsx');
    expectRefusal(await call(w, 'GET', '/receipts/20261201T080000000Z-cccccccccccc', EST), 'receipt-not-found');
    expectRefusal(await call(w, 'GET', '/receipts/20261201T080000000Z-cccccccccccc', EST, { query: { ally: 'POL' } }), 'other-ally');
    expectRefusal(await call(w, 'GET', '/receipts/..%2F..%2FPOL%2F20261201T080000000Z-cccccccccccc', EST), 'receipt-not-found');
    expect((await call(w, 'GET', '/receipts/20261201T080000000Z-cccccccccccc', ANALYST, { query: { ally: 'POL' } })).status).toBe(200);
  });
});

describe('GET /template', () => {
  it("gives the caller's ally's template in the language asked", async () => {
    expect(await call(w, 'GET', '/template', EST, { query: { lang: 'fr' } })).toMatchObject({ status: 200, fileName: 'EST-fr.xlsx', contentType: expect.stringContaining('spreadsheetml') });
    expect(await call(w, 'GET', '/template', EST)).toMatchObject({ fileName: 'EST-en.xlsx' });
    expectRefusal(await call(w, 'GET', '/template', EST, { query: { lang: 'de' } }), 'bad-request');
    expectRefusal(await call(w, 'GET', '/template', EST, { query: { ally: 'POL' } }), 'other-ally');
  });
});

describe('routing', () => {
  it('refuses an unknown path, a wrong method and bad claims with a code and a sentence', async () => {
    expectRefusal(await call(w, 'GET', '/nothing', EST), 'no-route');
    expectRefusal(await call(w, 'DELETE', '/receipts', EST), 'method-not-allowed');
    expectRefusal(await call(w, 'GET', '/receipts', { sub: 'x' }), 'bad-token');
  });

  it('answers every refusal code it declares with a 4xx', () => {
    expect(Object.values(REFUSALS).every((s) => s >= 400 && s < 500)).toBe(true);
  });
});
