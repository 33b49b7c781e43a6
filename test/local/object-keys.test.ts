// Which keys the local S3 can hold as files, and the S3 error it answers the others with.
import { describe, expect, it } from 'vitest';
import { isBucketName, keyProblem, MAX_LAST_SEGMENT_BYTES, requestProblem } from '../../local/object-keys.ts';

describe('keys the local S3 holds', () => {
  it.each([
    'submissions/EST/Estonia 2026.xlsx',
    'submissions/EST/', // the console's "Create folder"
    'submissions/EST/Eesti kaitse…+ (v2).xlsx',
    'submissions/EST/a..b.xlsx', // dots inside a name are just dots
    'submissions/EST/.hidden.xlsx',
    '', // bucket-level requests
    `submissions/EST/${'é'.repeat(MAX_LAST_SEGMENT_BYTES / 2)}`,
  ])('takes %j', (key) => {
    expect(keyProblem(key)).toBeNull();
  });

  it.each([
    ['a key climbing out with ..', 'submissions/EST/../../etc/passwd', 'InvalidArgument', /"\.\."/],
    ['a key into another bucket', '../dualtrack-public/index.html', 'InvalidArgument', /leave its bucket/],
    ['a . segment', 'submissions/EST/./x.xlsx', 'InvalidArgument', /"\."/],
    ['a final ..', 'submissions/EST/..', 'InvalidArgument', /"\.\."/],
    ['a newline', 'submissions/EST/a\nb.xlsx', 'InvalidArgument', /control character/],
    ['a tab', 'submissions/EST/tab\there.csv', 'InvalidArgument', /control character/],
    ['a 305-byte file name', `submissions/EST/${'x'.repeat(300)}.xlsx`, 'KeyTooLongError', /file name .* 305 bytes long; .* at most 233/],
    ['a 234-byte accented file name', `submissions/EST/${'é'.repeat(117)}`, 'KeyTooLongError', /234 bytes long/],
    ['a 256-byte folder name', `submissions/${'f'.repeat(256)}/a.xlsx`, 'KeyTooLongError', /folder name .* 256 bytes/],
    ['a key over 1024 bytes', `submissions/${'a/'.repeat(520)}x`, 'KeyTooLongError', /1053 bytes long; S3 allows at most 1024/],
  ])('refuses %s', (_label, key, code, message) => {
    const problem = keyProblem(key);
    expect(problem?.code).toBe(code);
    expect(problem?.message).toMatch(message);
  });
});

describe('bucket names the local S3 holds', () => {
  it.each(['dualtrack-uploads', 'a.b.c', 'abc'])('takes %j', (name) => expect(isBucketName(name)).toBe(true));
  it.each(['..', '.', '.dualtrack-partial', 'ab', 'Upper', 'a..b', 'a-', `${'a'.repeat(64)}`, 'a/b'])('refuses %j', (name) => expect(isBucketName(name)).toBe(false));
});

describe('request URLs the local S3 serves', () => {
  it.each(['/dualtrack-uploads/submissions/EST/a%20b.xlsx', '/dualtrack-uploads?list-type=2&prefix=submissions%2F', '/b/k?partNumber=1&uploadId=9f3a0c', '/b/a..b/.c'])(
    'passes %j on to s3rver',
    (url) => expect(requestProblem(url)).toBeNull(),
  );

  it.each([
    ['/dualtrack-uploads/../dualtrack-public/index.html', 400, 'InvalidArgument'],
    ['/dualtrack-uploads/%2E%2E/dualtrack-public/index.html', 400, 'InvalidArgument'],
    ['/dualtrack-uploads/%2e/x', 400, 'InvalidArgument'],
    ['/%2E%2E/x', 400, 'InvalidArgument'],
    ['/b/k?partNumber=1&uploadId=..%2F..%2Fescaped', 404, 'NoSuchUpload'],
    ['/b/k?uploadId=a/b', 404, 'NoSuchUpload'],
  ])('answers %j with %i %s', (url, status, code) => {
    expect(requestProblem(url)).toMatchObject({ status, code });
  });
});
