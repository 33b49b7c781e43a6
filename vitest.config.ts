import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Workbook, S3 and browser tests do real I/O; two cores, so keep the pool small.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // s3rver's paginated listing needs OpenSSL's legacy provider (it hashes with MD5 via a legacy path).
    execArgv: ['--openssl-legacy-provider'],
  },
});
