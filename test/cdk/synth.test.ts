// The real synth: bundles the three functions with esbuild (no Docker) and runs the cdk-nag
// AWS Solutions checks. Slow (three bundles), so it is one test.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/app-builder.ts';
import { EnvName } from '../../shared/stack/index.ts';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string }[];
    suppressedViolations?: { ruleName: string; violatingConstructs: { constructPath: string; reason?: string }[] }[];
  }[];
}

const run = promisify(execFile);

describe('cdk synth', () => {
  it('bundles each function into a runnable ESM file and leaves no unacknowledged cdk-nag finding', { timeout: 600_000 }, async () => {
    // Prepare
    const outdir = await mkdtemp(join(tmpdir(), 'dualtrack-synth-'));
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

      // Assess: one bundle per function, and the ingest bundle starts and answers S3's test event.
      const template = assembly.getStackByName(stack.stackName).template as {
        Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
      };
      const bundles = Object.entries(template.Resources)
        .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && /^(Ingest|Publisher|Recompute)Fn/.test(id))
        .map(([id, r]) => [id.replace(/Fn.*$/, ''), join(outdir, `asset.${r.Properties.Code?.S3Key?.replace(/\.zip$/, '')}`, 'index.mjs')] as const);
      expect(bundles.map(([name]) => name).sort()).toEqual(['Ingest', 'Publisher', 'Recompute']);
      expect(new Set(bundles.map(([, file]) => file)).size).toBe(3);

      const ingestBundle = bundles.find(([name]) => name === 'Ingest')?.[1] ?? '';
      const script = `const m = await import(${JSON.stringify(ingestBundle)});
        await m.handler({ Event: 's3:TestEvent', Bucket: 'b' }, { functionName: 'ingest', awsRequestId: 'r', getRemainingTimeInMillis: () => 1000 });`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_REGION: 'eu-west-1',
          POWERTOOLS_SERVICE_NAME: 'dualtrack-ingest',
          [EnvName.uploadsBucket]: 'dt-uploads',
          [EnvName.dataBucket]: 'dt-data',
          [EnvName.publishQueueUrl]: 'https://sqs.eu-west-1.amazonaws.com/123456789012/publish',
        },
      });
      const log = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      expect(log).toMatchObject({ level: 'INFO', service: 'dualtrack-ingest', message: 'S3 test event received; nothing to do' });
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
