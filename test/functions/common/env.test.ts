import { describe, it, expect } from 'vitest';
import { ConfigError } from '../../../functions/common/errors.ts';
import { readIngestConfig, readNotifyConfig, readPortalConfig, readPublishConfig } from '../../../functions/common/env.ts';
import { EnvName, PortalEnvName } from '../../../shared/stack/index.ts';
import { DEFAULT_LIMITS } from '../../../shared/ingest/index.ts';

const ingestEnv = {
  [EnvName.uploadsBucket]: 'dt-uploads',
  [EnvName.dataBucket]: 'dt-data',
  [EnvName.publishQueueUrl]: 'https://sqs.eu-west-1.amazonaws.com/123456789012/publish',
};

describe('readIngestConfig', () => {
  it('reads the buckets and queue and defaults the limits (the rules live in the data bucket)', () => {
    // Act
    const config = readIngestConfig(ingestEnv);
    // Assess
    expect(config).toEqual({
      buckets: { uploads: 'dt-uploads', data: 'dt-data' },
      publishQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/publish',
      limits: DEFAULT_LIMITS,
    });
  });

  it('names the missing variable', () => {
    // Prepare
    const { [EnvName.dataBucket]: _omitted, ...env } = ingestEnv;
    // Act
    const act = () => readIngestConfig(env);
    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/DUALTRACK_DATA_BUCKET is not set/);
  });

  it('merges limits given as JSON over the defaults', () => {
    const config = readIngestConfig({ ...ingestEnv, [EnvName.ingestLimits]: '{"maxBytes": 1000}' });
    expect(config.limits).toEqual({ ...DEFAULT_LIMITS, maxBytes: 1000 });
  });

  it('refuses a misspelt limit rather than ignoring it', () => {
    // Act
    let error: unknown;
    try {
      readIngestConfig({ ...ingestEnv, [EnvName.ingestLimits]: '{"maxByte": 1000}' });
    } catch (e) {
      error = e;
    }
    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['DUALTRACK_INGEST_LIMITS']);
  });

  it('refuses limits that are not JSON', () => {
    expect(() => readIngestConfig({ ...ingestEnv, [EnvName.ingestLimits]: 'maxBytes=1' })).toThrow(/not valid JSON/);
  });
});

describe('readPublishConfig', () => {
  it('needs the data and public buckets but not the uploads bucket', () => {
    const config = readPublishConfig({ [EnvName.dataBucket]: 'dt-data', [EnvName.publicBucket]: 'dt-public' });
    expect(config.buckets).toEqual({ data: 'dt-data', public: 'dt-public' });
  });

  it('lists every missing variable at once', () => {
    expect(() => readPublishConfig({})).toThrow(/DUALTRACK_DATA_BUCKET is not set; DUALTRACK_PUBLIC_BUCKET is not set/);
  });
});

describe('readPortalConfig', () => {
  const portalEnv = { [EnvName.uploadsBucket]: 'dt-uploads', [PortalEnvName.userPoolId]: 'eu-west-1_AbC123' };

  it("signs uploads up to ingest's own limit, the default or the stack's override", () => {
    expect(readPortalConfig(portalEnv)).toEqual({ uploadsBucket: 'dt-uploads', userPoolId: 'eu-west-1_AbC123', maxBytes: DEFAULT_LIMITS.maxBytes });
    expect(readPortalConfig({ ...portalEnv, [EnvName.ingestLimits]: '{"maxBytes": 5000}' }).maxBytes).toBe(5000);
  });

  it('names a malformed pool id', () => {
    expect(() => readPortalConfig({ ...portalEnv, [PortalEnvName.userPoolId]: 'pool' })).toThrow(/DUALTRACK_USER_POOL_ID: a Cognito user pool id/);
  });
});

describe('readNotifyConfig', () => {
  const notifyEnv = { [EnvName.uploadsBucket]: 'dt-uploads', [PortalEnvName.receiptTopicArn]: 'arn:aws:sns:eu-west-1:123456789012:receipts' };

  it('sends no e-mail without a sender, and e-mails from the one given', () => {
    expect(readNotifyConfig(notifyEnv)).toEqual({ uploadsBucket: 'dt-uploads', topicArn: 'arn:aws:sns:eu-west-1:123456789012:receipts', emailFrom: null, pageUrl: null });
    expect(readNotifyConfig({ ...notifyEnv, [PortalEnvName.receiptEmailFrom]: 'receipts@example.org', [PortalEnvName.portalPageUrl]: 'https://x.example/submit/' })).toMatchObject({
      emailFrom: 'receipts@example.org',
      pageUrl: 'https://x.example/submit/',
    });
    expect(() => readNotifyConfig({ ...notifyEnv, [PortalEnvName.receiptEmailFrom]: 'not an address' })).toThrow(ConfigError);
  });
});
