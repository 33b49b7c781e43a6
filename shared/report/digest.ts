// The dataset digest: a fingerprint of everything a release's figures depend on (inputs, rules,
// reporting year) and of nothing that merely describes the publication (number, time, trigger).
// The publisher compares it with the latest release's to skip duplicate publishes.
import { createHash } from 'node:crypto';
import type { ComplianceDataset, ReleaseHeader } from './dataset.ts';

/** JSON with object keys sorted at every depth and `undefined` members dropped, so equal data gives equal text. */
const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/**
 * A dataset as far as the digest sees it: the release header reduced to what shapes the figures
 * (the rules, the reporting year and the exchange-rate table it was computed with).
 */
type DatasetContent = Omit<ComplianceDataset, 'release'> & { release: Pick<ReleaseHeader, 'rulesId' | 'reportingYear' | 'fxTable'> };

const sha256Hex = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * sha256 (hex) of the canonical JSON of the dataset without its release number, publish time,
 * trigger, reason and digest. Accepts a whole dataset too; those fields are ignored. A dataset
 * without fxTable digests as before it existed (canonical JSON drops undefined members).
 */
const datasetDigest = (dataset: DatasetContent): string => {
  const { release, ...rest } = dataset;
  return sha256Hex(canonicalJson({ ...rest, release: { rulesId: release.rulesId, reportingYear: release.reportingYear, fxTable: release.fxTable } }));
};

export { canonicalJson, datasetDigest, sha256Hex };
export type { DatasetContent };
