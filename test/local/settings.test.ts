// The local cloud's delivery settings.
import { describe, expect, it } from 'vitest';
import { DeliverySettingsSchema, backoffMs } from '../../local/settings.ts';

describe('the local cloud settings', () => {
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
