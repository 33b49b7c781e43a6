// Puts right what a killed local cloud left in s3rver's folder, before the server starts. The
// store now writes each file whole (s3-store.ts), but a kill can still fall between an object's
// rename and its MD5's or metadata's, and folders written before that (or by s3rver itself) can
// hold an empty or half-written file. Without this, one empty metadata file made every listing
// of its bucket fail for good.
// - An object whose MD5 file is missing or does not match its bytes gets the MD5 of its bytes:
//   the bytes are the object (its ETag follows them).
// - A metadata file that is not a JSON object is removed: s3rver then serves the object with
//   default headers, which is what a client that never saw its upload acknowledged can expect.
// - Scratch files of writes that never finished are removed.
// - MD5 and metadata files whose object is gone are removed.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ObjectFile, SCRATCH_DIR } from './s3-store.ts';

const SUFFIX = '._S3rver_';
const objectSuffix = `${SUFFIX}${ObjectFile.object}`;
const md5Suffix = `${SUFFIX}${ObjectFile.md5}`;
const metadataSuffix = `${SUFFIX}${ObjectFile.metadata}`;

/** What was put right, by file (relative to the store's folder). */
interface StoreRepair {
  file: string;
  fix: 'md5-rewritten' | 'metadata-removed' | 'scratch-removed' | 'orphan-removed';
}

const isMissing = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

const readOrNull = async (path: string): Promise<Buffer | null> => {
  try {
    return await readFile(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
};

const isJsonObject = (bytes: Buffer): boolean => {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};

/** Every file under `dir`, recursively (an absent folder has none). */
const filesUnder = async (dir: string): Promise<string[]> => {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
};

/** Repairs the store at `root` (s3rver's folder: one folder per bucket) and says what it did. */
const repairStore = async (root: string): Promise<StoreRepair[]> => {
  const repairs: StoreRepair[] = [];
  const note = (path: string, fix: StoreRepair['fix']) => repairs.push({ file: relative(root, path), fix });

  for (const scratch of await filesUnder(join(root, SCRATCH_DIR))) {
    await rm(scratch, { force: true });
    note(scratch, 'scratch-removed');
  }

  const files = await filesUnder(root);
  const present = new Set(files);
  for (const file of files) {
    if (file.endsWith(objectSuffix)) {
      const bytes = await readFile(file);
      const md5 = createHash('md5').update(bytes).digest('hex');
      const md5File = `${file}.md5`;
      if ((await readOrNull(md5File))?.toString('utf8') !== md5) {
        await writeFile(md5File, md5);
        note(md5File, 'md5-rewritten');
      }
      const metadataFile = `${file.slice(0, -objectSuffix.length)}${metadataSuffix}`;
      const metadata = await readOrNull(metadataFile);
      if (metadata !== null && !isJsonObject(metadata)) {
        await rm(metadataFile, { force: true });
        note(metadataFile, 'metadata-removed');
      }
    } else if (file.endsWith(md5Suffix) || file.endsWith(metadataSuffix)) {
      const base = file.endsWith(md5Suffix) ? file.slice(0, -'.md5'.length) : `${file.slice(0, -metadataSuffix.length)}${objectSuffix}`;
      if (!present.has(base)) {
        await rm(file, { force: true });
        note(file, 'orphan-removed');
      }
    }
  }
  return repairs;
};

export { repairStore };
export type { StoreRepair };
