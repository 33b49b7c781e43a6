// Wraps a Storage and records every write (put or delete) in order, with its options, so tests
// can assert the order a flow writes in and what it writes nothing to.
import type { BucketRole, PutOptions, Storage } from '../../shared/storage/index.ts';

interface RecordedWrite {
  op: 'put' | 'delete';
  bucket: BucketRole;
  key: string;
  options?: PutOptions;
}

const recordingStorage = (inner: Storage): { storage: Storage; writes: RecordedWrite[] } => {
  const writes: RecordedWrite[] = [];
  const storage: Storage = {
    get: (b, k) => inner.get(b, k),
    head: (b, k) => inner.head(b, k),
    list: (b, p) => inner.list(b, p),
    put: async (bucket, key, body, options) => {
      writes.push({ op: 'put', bucket, key, ...(options ? { options } : {}) });
      await inner.put(bucket, key, body, options);
    },
    delete: async (bucket, key) => {
      writes.push({ op: 'delete', bucket, key });
      await inner.delete(bucket, key);
    },
  };
  return { storage, writes };
};

export { recordingStorage };
export type { RecordedWrite };
