import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeS3Key, encodeS3Key } from '../../../functions/common/s3-key.ts';
import { FunctionError } from '../../../functions/common/errors.ts';

describe('decodeS3Key', () => {
  it('turns a plus into a space', () => {
    // Act
    const key = decodeS3Key('submissions/EST/budget+2026+final.xlsx');
    // Assess
    expect(key).toBe('submissions/EST/budget 2026 final.xlsx');
  });

  it('keeps a literal plus that arrives as %2B', () => {
    expect(decodeS3Key('submissions/EST/a%2Bb+c.xlsx')).toBe('submissions/EST/a+b c.xlsx');
  });

  it('decodes non-ASCII characters from their UTF-8 percent escapes', () => {
    expect(decodeS3Key('submissions/TUR/T%C3%BCrkiye+donn%C3%A9es.xlsx')).toBe('submissions/TUR/Türkiye données.xlsx');
  });

  it('refuses a malformed escape with a named error', () => {
    expect(() => decodeS3Key('submissions/EST/100%.xlsx')).toThrow(FunctionError);
  });

  it('inverts the encoding AWS applies, for any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (key) => {
        expect(decodeS3Key(encodeS3Key(key))).toBe(key);
      }),
    );
  });

  it('encodes like S3 event notifications do: spaces as plus, plus as %2B, slashes kept', () => {
    expect(encodeS3Key('submissions/FRA/a+b c(1).xlsx')).toBe('submissions/FRA/a%2Bb+c%281%29.xlsx');
  });
});
