// The local cloud copies the stack's notification suffixes rather than loading the CDK; this
// keeps the copy honest.
import { describe, expect, it } from 'vitest';
import { INGEST_SUFFIXES as STACK_SUFFIXES } from '../../cdk/dualtrack-stack.ts';
import { DeliverySettingsSchema, INGEST_SUFFIXES, backoffMs } from '../../local/settings.ts';

describe('the local cloud settings', () => {
  it('fire ingest for exactly the suffixes the stack subscribes', () => {
    // Prepare
    const stack = [...STACK_SUFFIXES].sort();
    // Act
    const local = [...INGEST_SUFFIXES].sort();
    // Assess
    expect(local).toEqual(stack);
  });

  it('double the retry delay with each attempt', () => {
    // Prepare
    const settings = DeliverySettingsSchema.parse({ retryBaseMs: 100 });
    // Act
    const delays = [1, 2, 3, 4].map((attempt) => backoffMs(settings, attempt));
    // Assess
    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('refuse a misspelt delivery setting', () => {
    // Prepare
    const input = { batchWindowMillis: 10 };
    // Act
    const parsed = DeliverySettingsSchema.safeParse(input);
    // Assess
    expect(parsed.success).toBe(false);
  });
});
