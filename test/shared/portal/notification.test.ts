// The message a receipt becomes: what a subscriber filters on and what the uploader reads.
import { describe, expect, it } from 'vitest';
import { findingOf } from '../../../shared/findings/index.ts';
import { buildReceipt } from '../../../shared/ingest/index.ts';
import { receiptNotification } from '../../../shared/portal/index.ts';
import { uploadsKeys } from '../../../shared/storage/index.ts';

const UPLOAD_ID = '20261201T090000000Z-k3x9q2m7a1b8c4d6';

const receiptOf = (ally: string | null, errors: number, uploader?: { email: string; sub: string }) => {
  const receipt = buildReceipt({
    submissionId: '20261201T090001000Z-dddddddddddd',
    fileName: `${UPLOAD_ID}-est.xlsx`,
    uploadedAt: '2026-12-01T09:00:01.000Z',
    checkedAt: '2026-12-01T09:00:03.000Z',
    source: { key: uploadsKeys.submission(ally ?? 'x', `${UPLOAD_ID}-est.xlsx`), versionId: null, etag: 'e' },
    ally,
    years: [],
    findings: Array.from({ length: errors }, (_, i) => findingOf('no-years', { sheet: 'Data', cell: `B${i + 2}` })),
    records: [],
  });
  return uploader ? { ...receipt, uploader } : receipt;
};

describe('receiptNotification', () => {
  it('carries the ally and status as attributes, and names the file the officer chose', () => {
    // Act
    const n = receiptNotification(receiptOf('EST', 7, { email: 'officer@mod.example', sub: 's' }), { pageUrl: 'https://site.example/submit/' });

    // Assess
    expect(n.attributes).toEqual({ ally: 'EST', status: 'rejected' });
    expect([n.subject, n.to, n.submissionId]).toEqual(['dualtrack: est.xlsx rejected', 'officer@mod.example', '20261201T090001000Z-dddddddddddd']);
    const lines = n.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Your upload "est.xlsx" for Estonia was rejected.', 'Errors: 7, warnings: 0, notes: 0.']);
    expect(lines.filter((l) => l.startsWith('- Data!B'))).toHaveLength(5);
    expect(n.text).toContain('… and 2 more on the page.');
    expect(lines.at(-1)).toBe('https://site.example/submit/?receipt=20261201T090001000Z-dddddddddddd');
  });

  it('writes French when asked, with the ally named in French', () => {
    const n = receiptNotification(receiptOf('DEU', 0), { pageUrl: null, lang: 'fr' });
    expect(n.text).toBe('Votre envoi « est.xlsx » pour Allemagne a été accepté.\nErreurs : 0, avertissements : 0, notes : 0.');
    expect(n.to).toBeNull();
  });

  it('files a receipt that names no ally under _unfiled', () => {
    expect(receiptNotification(receiptOf(null, 1), { pageUrl: null }).attributes).toEqual({ ally: '_unfiled', status: 'rejected' });
  });
});
