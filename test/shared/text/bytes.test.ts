import { describe, it, expect } from 'vitest';
import { formatBytes } from '../../../shared/text/index.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1023, '1023 bytes'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024, '1.0 MB'],
    [11 * 1024 * 1024, '11.0 MB'],
  ])('writes %i as %s', (n, text) => {
    // Prepare / Act / Assess
    expect(formatBytes(n)).toBe(text);
  });
});
