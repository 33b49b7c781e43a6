// The local cloud's lifecycle and control routes, without any upload.
import { describe, expect, it } from 'vitest';
import { fetchStatus } from '../../local/control.ts';
import { startLocalCloud } from '../../local/runtime.ts';
import { LOCAL_BUCKETS } from '../../local/settings.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-rt-');

describe('the local cloud', () => {
  it('tells clients its buckets and queue state on the status route', async () => {
    // Prepare
    const dir = temp.make();
    const cloud = await startLocalCloud({ dir, port: 0 });
    try {
      // Act
      const status = await fetchStatus(cloud.endpoint);
      // Assess
      expect(status).toEqual({
        service: 'dualtrack-local',
        endpoint: cloud.endpoint,
        buckets: LOCAL_BUCKETS,
        publicBaseUrl: `${cloud.endpoint}/${LOCAL_BUCKETS.public}/`,
        pendingPublishes: 0,
        pendingUploads: 0,
        deadLetters: 0,
      });
    } finally {
      await cloud.stop();
    }
  });

  it('stops once even when asked twice, and then answers no more', async () => {
    // Prepare
    const dir = temp.make();
    const cloud = await startLocalCloud({ dir, port: 0 });
    // Act
    const both = await Promise.allSettled([cloud.stop(), cloud.stop()]);
    // Assess
    expect(both.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    await expect(fetchStatus(cloud.endpoint)).rejects.toThrow(`No dualtrack local cloud at ${cloud.endpoint}`);
  });
});
