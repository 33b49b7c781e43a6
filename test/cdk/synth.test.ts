// The real synth: bundles the three functions with esbuild (no Docker) and runs the cdk-nag
// AWS Solutions checks. Then the bundles themselves do real work against a local S3 server, as
// Lambda would run them: the ingest bundle checks an upload and writes its receipt and annotated
// copy, the recompute bundle publishes a release with its workbook. That is what proves the
// bundle's leaner entries (cdk/bundle/build.ts) still do the work. Slow, so it is one test.
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/app-builder.ts';
import { BUNDLE_BUDGET_BYTES } from '../../cdk/bundle/build.ts';
import { ReceiptSchema } from '../../shared/model/index.ts';
import { EnvName, PortalEnvName } from '../../shared/stack/index.ts';
import { BucketRole, createS3Storage, uploadsKeys } from '../../shared/storage/index.ts';
import { s3Event } from '../helpers/events.ts';
import { startS3rver } from '../helpers/s3rver.ts';
import { submissionWorkbook } from '../helpers/submission-workbooks.ts';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string }[];
    suppressedViolations?: { ruleName: string; violatingConstructs: { constructPath: string; reason?: string }[] }[];
  }[];
}

const run = promisify(execFile);
const BUCKETS = { uploads: 'dt-uploads', data: 'dt-data', public: 'dt-public' } as const;

/** Runs a bundle's handler once in a fresh Node.js, with Lambda's environment pointed at `endpoint`. */
const invoke = async (bundle: string, event: unknown, env: Record<string, string>): Promise<{ result: unknown; log: string }> => {
  const script = `const m = await import(${JSON.stringify(bundle)});
    const result = await m.handler(${JSON.stringify(event)}, { functionName: 'f', awsRequestId: 'r', getRemainingTimeInMillis: () => 60000 });
    process.stdout.write('\\nRESULT ' + JSON.stringify(result ?? null) + '\\n');`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'eu-west-1',
      // What Lambda puts in every function's environment: the role's credentials.
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_SESSION_TOKEN: 'local',
      // s3rver predates the SDK's default CRC checksums.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
      ...env,
    },
  });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT ')) ?? 'RESULT null';
  return { result: JSON.parse(line.slice('RESULT '.length)) as unknown, log: stdout };
};

describe('cdk synth', () => {
  it('bundles each function lean and runnable, and leaves no unacknowledged cdk-nag finding', { timeout: 600_000 }, async () => {
    // Prepare
    const outdir = await mkdtemp(join(tmpdir(), 'dualtrack-synth-'));
    const s3 = await startS3rver(Object.values(BUCKETS));
    try {
      const { app, stack } = buildApp({ outdir });
      // Act
      const assembly = app.synth();
      // Assess: cdk-nag ran and everything it found is acknowledged.
      const report = JSON.parse(await readFile(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
      const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
      expect(nag?.conclusion).toBe('success');
      expect(nag?.violations).toEqual([]);
      expect(nag?.suppressedViolations?.length).toBeGreaterThan(0);

      // Assess: one bundle per function, each under the budget, its source map beside it.
      const template = assembly.getStackByName(stack.stackName).template as {
        Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
      };
      const bundles = new Map(
        Object.entries(template.Resources)
          .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && /^(Ingest|Publisher|Recompute|Portal|Notify)Fn/.test(id))
          .map(([id, r]) => [id.replace(/Fn.*$/, ''), join(outdir, `asset.${r.Properties.Code?.S3Key?.replace(/\.zip$/, '')}`, 'index.mjs')] as const),
      );
      expect([...bundles.keys()].sort()).toEqual(['Ingest', 'Notify', 'Portal', 'Publisher', 'Recompute']);
      expect(new Set(bundles.values()).size).toBe(5);
      for (const file of bundles.values()) {
        expect((await readFile(file)).length).toBeLessThan(BUNDLE_BUDGET_BYTES);
        await expect(access(`${file}.map`)).resolves.toBeUndefined();
      }

      // Act: the ingest bundle answers S3's test event, then checks a real upload. Filed under
      // Estonia, the workbook names Latvia: rejected, so a receipt and an annotated copy.
      const ingestEnv = {
        POWERTOOLS_SERVICE_NAME: 'dualtrack-ingest',
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        [EnvName.uploadsBucket]: BUCKETS.uploads,
        [EnvName.dataBucket]: BUCKETS.data,
        [EnvName.publishQueueUrl]: 'https://sqs.eu-west-1.amazonaws.com/123456789012/publish',
      };
      const ingestBundle = bundles.get('Ingest') ?? '';
      const testEvent = await invoke(ingestBundle, { Event: 's3:TestEvent', Bucket: 'b' }, ingestEnv);
      const key = uploadsKeys.submission('EST', 'budget 2026.xlsx');
      const body = await submissionWorkbook('Latvia', 'EUR', [{ year: 2025, gdp: 40_000, core: 1_300, security: 200 }]);
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKETS.uploads, Key: key, Body: body }));
      await invoke(ingestBundle, s3Event(BUCKETS.uploads, [{ key, size: body.length }]), ingestEnv);
      // Act: the recompute bundle publishes release 1 (no accepted figures yet, a release all the same).
      const recomputed = await invoke(
        bundles.get('Recompute') ?? '',
        { reason: 'bundle check' },
        { POWERTOOLS_SERVICE_NAME: 'dualtrack-recompute', AWS_ENDPOINT_URL_S3: s3.endpoint, [EnvName.dataBucket]: BUCKETS.data, [EnvName.publicBucket]: BUCKETS.public },
      );

      // Act: the portal bundle signs an upload for the token's ally (the body's is ignored), and
      // the notify bundle loads and answers S3's test event.
      const claims = { sub: 'sub-est', email: 'officer@mod.example', token_use: 'id', 'cognito:groups': '[ally-EST]' };
      const signed = await invoke(
        bundles.get('Portal') ?? '',
        {
          rawPath: '/uploads',
          body: JSON.stringify({ fileName: 'budget.xlsx', size: 2048, ally: 'POL' }),
          requestContext: { http: { method: 'POST' }, authorizer: { jwt: { claims } } },
        },
        { POWERTOOLS_SERVICE_NAME: 'dualtrack-portal', AWS_ENDPOINT_URL_S3: s3.endpoint, [EnvName.uploadsBucket]: BUCKETS.uploads, [PortalEnvName.userPoolId]: 'eu-west-1_Test1' },
      );
      // ...and builds the ally's template with the bundle's exceljs.
      const templated = await invoke(
        bundles.get('Portal') ?? '',
        { rawPath: '/template', queryStringParameters: { lang: 'fr' }, requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims } } } },
        { POWERTOOLS_SERVICE_NAME: 'dualtrack-portal', AWS_ENDPOINT_URL_S3: s3.endpoint, [EnvName.uploadsBucket]: BUCKETS.uploads, [PortalEnvName.userPoolId]: 'eu-west-1_Test1' },
      );
      const notified = await invoke(bundles.get('Notify') ?? '', { Event: 's3:TestEvent', Bucket: 'b' }, {
        [EnvName.uploadsBucket]: BUCKETS.uploads,
        [PortalEnvName.receiptTopicArn]: 'arn:aws:sns:eu-west-1:123456789012:receipts',
      });

      // Assess
      expect(signed.result).toMatchObject({ statusCode: 201 });
      const answer = JSON.parse((signed.result as { body: string }).body) as { key: string; upload: { fields: Record<string, string> } };
      expect(answer.key).toMatch(/^submissions\/EST\/\d{8}T\d{9}Z-[0-9a-f]{20}-budget\.xlsx$/);
      expect(answer.upload.fields['x-amz-meta-uploader']).toBe('officer@mod.example');
      expect(templated.result).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-disposition': 'attachment; filename="dualtrack-template-EST-fr.xlsx"' } });
      expect(Buffer.from((templated.result as { body: string }).body, 'base64').subarray(0, 2).toString()).toBe('PK');
      expect(notified.result).toBeNull();
      const log = JSON.parse(testEvent.log.trim().split('\n').find((l) => l.startsWith('{')) ?? '{}') as Record<string, unknown>;
      expect(log).toMatchObject({ level: 'INFO', service: 'dualtrack-ingest', message: 'S3 test event received; nothing to do' });
      const storage = createS3Storage({ client: s3.client, buckets: BUCKETS });
      const receipts = await storage.list(BucketRole.uploads, uploadsKeys.receiptsPrefix('EST'));
      expect(receipts.map((o) => o.key.split('.').pop()).sort()).toEqual(['json', 'xlsx']);
      const receiptKey = receipts.find((o) => o.key.endsWith('.json'))?.key ?? '';
      const receipt = ReceiptSchema.parse(JSON.parse((await storage.get(BucketRole.uploads, receiptKey))?.body.toString('utf8') ?? ''));
      expect(receipt).toMatchObject({ status: 'rejected', source: { key } });
      expect(recomputed.result).toMatchObject({ published: true, release: 1 });
      expect((await storage.get(BucketRole.public, 'releases/1/compliance.xlsx'))?.body.subarray(0, 2).toString()).toBe('PK');
    } finally {
      await s3.stop();
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
