// What only the folder adapter promises: keys cannot leave the folder, buckets are plain
// sub-folders, and writes leave no temp files behind.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir, stat, utimes } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFolderStorage, InvalidKeyError } from '../../../shared/storage/index.ts';
import { tempDirs } from '../../helpers/temp.ts';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

describe('the folder storage', () => {
  const temp = tempDirs('dualtrack-folder-');
  let dir = '';
  beforeEach(() => {
    dir = temp.make();
  });

  it('lays the buckets out as DIR/uploads, DIR/data and DIR/public', async () => {
    // Prepare
    const storage = createFolderStorage(dir);
    // Act
    await storage.put('uploads', 'submissions/POL/a.xlsx', 'u');
    await storage.put('data', 'submissions/POL/x.json', 'd');
    await storage.put('public', 'top.html', '<p>');
    // Assess
    expect(await readFile(join(dir, 'uploads', 'submissions', 'POL', 'a.xlsx'), 'utf8')).toBe('u');
    expect(await readFile(join(dir, 'data', 'submissions', 'POL', 'x.json'), 'utf8')).toBe('d');
    expect(await readFile(join(dir, 'public', 'top.html'), 'utf8')).toBe('<p>');
  });

  it.each([
    ['../escape.txt'],
    ['a/../../escape.txt'],
    ['/etc/passwd'],
    ['a//b.txt'],
    ['./a.txt'],
    ['a\\..\\b.txt'],
    [''],
    ['folder/'],
  ])('refuses the key %j with an InvalidKeyError', async (key) => {
    const storage = createFolderStorage(dir);
    await expect(storage.put('public', key, 'x')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(storage.get('public', key)).rejects.toBeInstanceOf(InvalidKeyError);
    expect(await readdir(dir)).not.toContain('escape.txt');
  });

  it('refuses a listing prefix that climbs out of the bucket', async () => {
    const storage = createFolderStorage(dir);
    await expect(storage.list('data', '../')).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('leaves no temp file and keeps options out of the bucket folders', async () => {
    // Prepare
    const storage = createFolderStorage(dir);
    // Act
    await storage.put('public', 'releases/1/a.json', '{}', {
      contentType: 'application/json',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    // Assess
    expect(await readdir(join(dir, 'public', 'releases', '1'))).toEqual(['a.json']);
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, '.meta', 'public', 'releases', '1', 'a.json.json'), 'utf8'))).toMatchObject({
      contentType: 'application/json',
      cacheControl: 'public, max-age=31536000, immutable',
      written: { etag: md5('{}'), size: 2 },
    });
  });

  it('heads and lists without reading a body: the ETag comes from what was written, while the file keeps its size and time', async () => {
    // Prepare: the bytes are swapped behind the store's back for others of the same size, and
    // the file's time put back, so only a read of the body could tell.
    const storage = createFolderStorage(dir);
    await storage.put('data', 'current/POL.json', 'aaaa');
    const path = join(dir, 'data', 'current', 'POL.json');
    const { mtime } = await stat(path);
    await writeFile(path, 'bbbb');
    await utimes(path, mtime, mtime);
    // Act
    const listed = await storage.list('data', 'current/');
    const headed = await storage.head('data', 'current/POL.json');
    // Assess
    expect(listed).toEqual([{ key: 'current/POL.json', size: 4, etag: md5('aaaa'), lastModified: mtime }]);
    expect(headed?.etag).toBe(md5('aaaa'));
  });

  it('reads the body for the ETag of a file changed by hand: head computes it, list leaves it out', async () => {
    // Prepare
    const storage = createFolderStorage(dir);
    await storage.put('data', 'current/EST.json', 'aaaa');
    const path = join(dir, 'data', 'current', 'EST.json');
    await writeFile(path, 'changed by hand');
    await utimes(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    // Act
    const listed = await storage.list('data', 'current/');
    const headed = await storage.head('data', 'current/EST.json');
    // Assess
    expect(listed.map((o) => [o.key, o.size, o.etag])).toEqual([['current/EST.json', 15, undefined]]);
    expect(headed?.etag).toBe(md5('changed by hand'));
    expect((await storage.get('data', 'current/EST.json'))?.etag).toBe(md5('changed by hand'));
  });

  it('refuses with an InvalidKeyError a key that needs a file and a folder of the same name', async () => {
    // Prepare
    const storage = createFolderStorage(dir);
    await storage.put('data', 'a', 'file');
    await storage.put('data', 'b/c', 'nested');
    // Act, Assess
    await expect(storage.put('data', 'a/b', 'x')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(storage.put('data', 'b', 'x')).rejects.toBeInstanceOf(InvalidKeyError);
    expect((await storage.get('data', 'a'))?.body.toString()).toBe('file');
  });

  it('sees files copied into the folder by hand as objects without options', async () => {
    // Prepare
    await mkdir(join(dir, 'uploads', 'submissions', 'EST'), { recursive: true });
    await writeFile(join(dir, 'uploads', 'submissions', 'EST', 'hand.csv'), 'a,b');
    const storage = createFolderStorage(dir);
    // Act
    const got = await storage.get('uploads', 'submissions/EST/hand.csv');
    const listed = await storage.list('uploads', 'submissions/');
    // Assess
    expect(got?.body.toString()).toBe('a,b');
    expect(got?.contentType).toBeUndefined();
    expect(listed.map((o) => o.key)).toEqual(['submissions/EST/hand.csv']);
  });

  it('never writes outside the bucket folder, whatever the key', async () => {
    // Prepare: keys built from path-like pieces, including the hostile ones.
    const storage = createFolderStorage(dir);
    const piece = fc.constantFrom('..', '.', '', 'a', 'b c', '/', '\\', '\0', 'é', '~', '..a');
    const keys = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
    // Act, Assess
    await fc.assert(
      fc.asyncProperty(keys, async (key) => {
        const stored = await storage.put('public', key, 'x').then(
          () => true,
          (error: unknown) => {
            if (!(error instanceof InvalidKeyError)) throw error;
            return false;
          },
        );
        if (stored) {
          const rel = relative(join(dir, 'public'), join(dir, 'public', ...key.split('/')));
          expect(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)).toBe(false);
          expect((await storage.get('public', key))?.body.toString()).toBe('x');
        }
      }),
      { numRuns: 200 },
    );
    // Besides the bucket, only the store's own folders: temp files and the sidecars of what was written.
    expect((await readdir(dir)).sort()).toEqual(['.meta', '.tmp', 'public']);
    expect(await readdir(join(dir, '.meta'))).toEqual(['public']);
  });
});

