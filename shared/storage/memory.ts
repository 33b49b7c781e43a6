// An in-memory Storage for unit tests: same contract as the S3 and folder adapters (bodies are
// copied in and out, so a caller mutating a Buffer never changes what is stored). A conditional
// put checks and writes in one synchronous step, so of racing writers exactly one wins.
import { createHash } from 'node:crypto';
import { checkCondition, conditionOf, storedOptionsOf } from './condition.ts';
import type { BucketRole, ObjectInfo, PutOptions, Storage, StoredObject } from './port.ts';

interface MemoryEntry {
  body: Buffer;
  options: PutOptions;
  etag: string;
  lastModified: Date;
}

const infoOf = (key: string, e: MemoryEntry): ObjectInfo => ({
  key,
  size: e.body.length,
  etag: e.etag,
  lastModified: new Date(e.lastModified),
});

const createMemoryStorage = (): Storage => {
  const buckets = new Map<BucketRole, Map<string, MemoryEntry>>();
  const bucket = (role: BucketRole): Map<string, MemoryEntry> => {
    let b = buckets.get(role);
    if (!b) {
      b = new Map();
      buckets.set(role, b);
    }
    return b;
  };

  return {
    get: async (role, key) => {
      const e = bucket(role).get(key);
      if (!e) return null;
      const obj: StoredObject = { ...infoOf(key, e), body: Buffer.from(e.body) };
      if (e.options.contentType !== undefined) obj.contentType = e.options.contentType;
      if (e.options.metadata !== undefined) obj.metadata = { ...e.options.metadata };
      return obj;
    },
    head: async (role, key) => {
      const e = bucket(role).get(key);
      return e ? infoOf(key, e) : null;
    },
    put: async (role, key, body, putOptions = {}) => {
      const condition = conditionOf(role, key, putOptions);
      if (condition) checkCondition(role, key, condition, bucket(role).get(key)?.etag ?? null);
      const options = storedOptionsOf(putOptions);
      const bytes = Buffer.from(body);
      bucket(role).set(key, {
        body: bytes,
        options: { ...options, ...(options.metadata ? { metadata: { ...options.metadata } } : {}) },
        etag: createHash('md5').update(bytes).digest('hex'),
        lastModified: new Date(),
      });
    },
    list: async (role, prefix) =>
      [...bucket(role).entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, e]) => infoOf(key, e)),
    delete: async (role, key) => {
      bucket(role).delete(key);
    },
  };
};

export { createMemoryStorage };
