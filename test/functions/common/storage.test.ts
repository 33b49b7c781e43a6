import { describe, it, expect } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';
import { FunctionError } from '../../../functions/common/errors.ts';
import { createFunctionStorage } from '../../../functions/common/storage.ts';

describe('createFunctionStorage', () => {
  it('refuses at once to touch a bucket the function was not configured for', async () => {
    // Prepare: no server behind this endpoint, so any real request would fail differently.
    const client = new S3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const storage = createFunctionStorage(client, { data: 'dt-data', public: 'dt-public' });
    // Act
    const act = storage.get('uploads', 'submissions/EST/a.xlsx');
    // Assess
    await expect(act).rejects.toBeInstanceOf(FunctionError);
    await expect(act).rejects.toThrow('This function is not configured for the uploads bucket');
    client.destroy();
  });
});
