import { describe, it, expect } from 'vitest';
import { StackSettingsError } from '../../cdk/errors.ts';
import { DEFAULT_SCHEDULE_EXPRESSION } from '../../cdk/settings.ts';
import { INGEST_RESERVED_CONCURRENCY, INGEST_TIMEOUT, PUBLISH_QUEUE_MAX_AGE, PUBLISH_TIMEOUT } from '../../cdk/dualtrack-stack.ts';
import { ReleaseManifest } from '../../shared/report/index.ts';
import { EnvName, StackOutput, UploadTrigger } from '../../shared/stack/index.ts';
import { IngestEnvSchema, PublishEnvSchema } from '../../functions/common/lambda-wiring.ts';
import { asArray, render, resourceOf, roleStatements, synthTemplate } from './template.ts';
import type { Statement } from './template.ts';

const template = synthTemplate();

const bucket = (prefix: string) => resourceOf(template, 'AWS::S3::Bucket', prefix);
const fn = (prefix: string) => resourceOf(template, 'AWS::Lambda::Function', `${prefix}Fn`);
const queue = (prefix: string) => resourceOf(template, 'AWS::SQS::Queue', prefix);
const policyStatements = (type: string, prefix: string) =>
  (resourceOf(template, type, prefix).props.PolicyDocument as { Statement: Statement[] }).Statement;
const roleOf = (prefix: string) => render(fn(prefix).props.Role).replace(/^<|\.Arn>$/g, '');
const envOf = (prefix: string) => Object.keys((fn(prefix).props.Environment as { Variables: object }).Variables);

const UPLOADS = bucket('Uploads').id;
const DATA = bucket('Data').id;
const PUBLIC = bucket('Public').id;

/** Deny of every action over plain HTTP, as enforceSSL writes it. */
const deniesPlainHttp = (statements: Statement[]) =>
  statements.some(
    (s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
  );

describe('the private buckets', () => {
  it.each(['Uploads', 'Data'])('%s is encrypted, versioned, logged and blocks all public access', (name) => {
    // Act
    const { props } = bucket(name);
    // Assess
    expect(props.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(render((props.LoggingConfiguration as { DestinationBucketName: unknown }).DestinationBucketName)).toMatch(/^<AccessLogs/);
  });

  it.each(['Uploads', 'Data', 'Public', 'AccessLogs'])('%s refuses plain HTTP', (name) => {
    expect(deniesPlainHttp(policyStatements('AWS::S3::BucketPolicy', `${name}Policy`))).toBe(true);
  });
});

describe('the public bucket', () => {
  it('blocks ACLs but lets its bucket policy grant public reads', () => {
    expect(bucket('Public').props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
  });

  it("lets anyone GET exactly releases/*, latest/*, index.html, index.fr.html and the submitters' page, nothing else", () => {
    // Prepare
    const publicAllows = policyStatements('AWS::S3::BucketPolicy', 'PublicPolicy').filter(
      (s) => s.Effect === 'Allow' && JSON.stringify(s.Principal) === JSON.stringify({ AWS: '*' }),
    );
    // Assess
    expect(publicAllows).toHaveLength(1);
    expect(asArray(publicAllows[0]?.Action)).toEqual(['s3:GetObject']);
    expect(asArray(publicAllows[0]?.Resource).map(render).sort()).toEqual(
      [`<${PUBLIC}.Arn>/index.fr.html`, `<${PUBLIC}.Arn>/index.html`, `<${PUBLIC}.Arn>/latest/*`, `<${PUBLIC}.Arn>/releases/*`, `<${PUBLIC}.Arn>/submit/*`].sort(),
    );
  });

  it("refuses object writes to every principal but the publisher and recompute roles, and the deploy's page configuration", () => {
    // Prepare
    const deny = policyStatements('AWS::S3::BucketPolicy', 'PublicPolicy').find((s) => s.Sid === 'OnlyThePublisherWrites');
    // Assess
    expect(deny?.Effect).toBe('Deny');
    expect(asArray(deny?.Action)).toContain('s3:PutObject');
    expect(asArray(deny?.Action)).toContain('s3:DeleteObject');
    const exempt = (deny?.Condition as { ArnNotEquals: { 'aws:PrincipalArn': unknown[] } }).ArnNotEquals['aws:PrincipalArn'];
    expect(exempt.map(render).sort()).toEqual([`<${roleOf('Publisher')}.Arn>`, `<${roleOf('Recompute')}.Arn>`, `<${resourceOf(template, 'AWS::IAM::Role', 'PageConfigRole').id}.Arn>`].sort());
  });

  it('allows cross-origin GET and HEAD from any site', () => {
    expect(bucket('Public').props.CorsConfiguration).toEqual({
      CorsRules: [
        expect.objectContaining({ AllowedMethods: ['GET', 'HEAD'], AllowedOrigins: ['*'] }),
      ],
    });
  });
});

describe('the upload notification', () => {
  it('sends every object created under submissions/, whatever its suffix, to ingest, and each JSON receipt to notify', () => {
    // Prepare
    const notifications = resourceOf(template, 'Custom::S3BucketNotifications', 'UploadsNotifications').props;
    const config = notifications.NotificationConfiguration as {
      LambdaFunctionConfigurations: { Events: string[]; Filter: { Key: { FilterRules: { Name: string; Value: string }[] } }; LambdaFunctionArn: unknown }[];
      QueueConfigurations?: unknown[];
      TopicConfigurations?: unknown[];
    };
    // Act
    const configs = config.LambdaFunctionConfigurations.map((c) => ({
      events: c.Events,
      filter: c.Filter.Key.FilterRules.map((r) => [r.Name, r.Value]),
      target: render(c.LambdaFunctionArn),
    }));
    // Assess: for ingest a prefix and no suffix, so the guard answers a .pdf, a .Csv or a trailing space.
    expect(configs).toEqual([
      { events: ['s3:ObjectCreated:*'], filter: [['prefix', 'submissions/']], target: `<${fn('Ingest').id}.Arn>` },
      { events: ['s3:ObjectCreated:*'], filter: [['suffix', '.json'], ['prefix', 'receipts/']], target: `<${fn('Notify').id}.Arn>` },
    ]);
    expect([UploadTrigger.event, UploadTrigger.prefix]).toEqual(['s3:ObjectCreated:*', 'submissions/']);
    expect([config.QueueConfigurations ?? [], config.TopicConfigurations ?? []]).toEqual([[], []]);
  });
});

describe('the publish queue', () => {
  it('hides a message for at least six times the publisher timeout', () => {
    const timeout = fn('Publisher').props.Timeout as number;
    expect(queue('PublishQueue').props.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('parks a message in the DLQ after five receives', () => {
    expect(queue('PublishQueue').props.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [queue('PublishDlq').id, 'Arn'] },
      maxReceiveCount: 5,
    });
  });

  it.each(['PublishQueue', 'PublishDlq', 'FailureQueue'])('%s is encrypted and refuses plain HTTP', (name) => {
    expect(queue(name).props.SqsManagedSseEnabled).toBe(true);
    expect(deniesPlainHttp(policyStatements('AWS::SQS::QueuePolicy', `${name}Policy`))).toBe(true);
  });

  it('feeds the publisher in batches, with a batching window and partial batch failures', () => {
    // Prepare
    const mapping = resourceOf(template, 'AWS::Lambda::EventSourceMapping', 'PublisherFn').props;
    // Assess
    expect(render(mapping.EventSourceArn)).toBe(`<${queue('PublishQueue').id}.Arn>`);
    expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.MaximumBatchingWindowInSeconds).toBeGreaterThan(0);
    expect(mapping.BatchSize).toBeGreaterThan(10);
  });
});

describe('the functions', () => {
  it('runs one publisher and one recompute at a time, and at most eight ingests', () => {
    expect(fn('Publisher').props.ReservedConcurrentExecutions).toBe(1);
    expect(fn('Recompute').props.ReservedConcurrentExecutions).toBe(1);
    expect(INGEST_RESERVED_CONCURRENCY).toBe(8);
    expect(fn('Ingest').props.ReservedConcurrentExecutions).toBe(INGEST_RESERVED_CONCURRENCY);
  });

  it.each(['Ingest', 'Publisher', 'Recompute'])('%s runs on arm64 and Node.js 24 with Powertools settings, source maps not enabled', (name) => {
    // Act
    const { props } = fn(name);
    // Assess
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.Runtime).toBe('nodejs24.x');
    expect(props.Handler).toBe('index.handler');
    expect((props.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: `dualtrack-${{ Ingest: 'ingest', Publisher: 'publish', Recompute: 'recompute' }[name]}`,
      LOG_LEVEL: 'INFO',
    });
    expect((props.Environment as { Variables: Record<string, unknown> }).Variables).not.toHaveProperty('NODE_OPTIONS');
  });

  it('enables source maps in every function when the dualtrack:sourceMaps setting says so', () => {
    // Act
    const debug = synthTemplate({ 'dualtrack:sourceMaps': 'true' });
    // Assess
    for (const name of ['Ingest', 'Publisher', 'Recompute']) {
      const variables = (resourceOf(debug, 'AWS::Lambda::Function', `${name}Fn`).props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
    }
    expect(() => synthTemplate({ 'dualtrack:sourceMaps': 'yes' })).toThrow(/dualtrack:sourceMaps/);
  });

  it.each(['Ingest', 'Publisher', 'Recompute'])('%s logs to its own log group kept for six months', (name) => {
    // Prepare
    const logGroupId = render((fn(name).props.LoggingConfig as { LogGroup: unknown }).LogGroup);
    // Act
    const logGroup = resourceOf(template, 'AWS::Logs::LogGroup', logGroupId.slice(1, -1));
    // Assess
    expect(logGroup.props.RetentionInDays).toBe(180);
    expect(logGroupId).toMatch(new RegExp(`^<${name}Logs`));
  });

  it.each(['Ingest', 'Recompute'])('%s retries a failed asynchronous event twice and then sends it to the failure queue', (name) => {
    const config = resourceOf(template, 'AWS::Lambda::EventInvokeConfig', `${name}Fn`).props;
    expect(config.MaximumRetryAttempts).toBe(2);
    expect(render((config.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination)).toBe(
      `<${queue('FailureQueue').id}.Arn>`,
    );
  });

  it('gives each function the variables of what it may use, and no others', () => {
    expect(envOf('Ingest')).toEqual(expect.arrayContaining([EnvName.uploadsBucket, EnvName.dataBucket, EnvName.publishQueueUrl]));
    expect(envOf('Ingest')).not.toContain(EnvName.publicBucket);
    for (const name of ['Publisher', 'Recompute']) {
      expect(envOf(name)).toEqual(expect.arrayContaining([EnvName.dataBucket, EnvName.publicBucket]));
      expect(envOf(name)).not.toContain(EnvName.uploadsBucket);
      expect(envOf(name)).not.toContain(EnvName.publishQueueUrl);
    }
  });

  it('sets every variable each handler requires at cold start', () => {
    // Prepare
    const required = (schema: typeof IngestEnvSchema | typeof PublishEnvSchema) =>
      Object.entries(schema.shape).flatMap(([name, field]) => (field.safeParse(undefined).success ? [] : [name]));
    // Act
    const missing = [
      ...required(IngestEnvSchema).filter((v) => !envOf('Ingest').includes(v)),
      ...['Publisher', 'Recompute'].flatMap((fnName) => required(PublishEnvSchema).filter((v) => !envOf(fnName).includes(v))),
    ];
    // Assess
    expect(required(IngestEnvSchema).sort()).toEqual([EnvName.dataBucket, EnvName.publishQueueUrl, EnvName.uploadsBucket].sort());
    expect(missing).toEqual([]);
  });
});

describe('least privilege', () => {
  const touches = (statements: ReturnType<typeof roleStatements>, bucketId: string) =>
    statements.filter((s) => s.resources.some((r) => r.includes(`<${bucketId}.`) || r === `<${bucketId}>`));
  const writes = (statements: ReturnType<typeof roleStatements>, bucketId: string) =>
    touches(statements, bucketId).filter((s) => s.actions.some((a) => /^s3:(Put|Delete)/.test(a)));
  const objectPatterns = (statements: ReturnType<typeof roleStatements>, bucketId: string) =>
    [...new Set(statements.flatMap((s) => s.resources.filter((r) => r.startsWith(`<${bucketId}.Arn>/`))))].sort();

  const logGroup = (name: string) => resourceOf(template, 'AWS::Logs::LogGroup', `${name}Logs`).id;
  const objects = (bucketId: string, ...patterns: string[]) => patterns.map((p) => `<${bucketId}.Arn>/${p}`);
  /** ListBucket on the bucket, limited to the prefixes the function reads. */
  const listing = (bucketId: string, ...prefixes: string[]) => ({
    actions: ['s3:ListBucket'],
    resources: [`<${bucketId}.Arn>`],
    condition: { StringLikeIfExists: { 's3:prefix': prefixes } },
  });
  const logs = (name: string) => ({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`<${logGroup(name)}.Arn>`] });
  const publishing = (name: string) => [
    logs(name),
    { actions: ['s3:GetObject'], resources: objects(DATA, 'submissions/*', 'current/*', 'config/*', 'publishing/*') },
    // Both may make the per-ally current figures again from the archive (a rebuild, or the first
    // publish of a store that never had them), and both claim release numbers under publishing/.
    { actions: ['s3:PutObject'], resources: objects(DATA, 'current/*', 'publishing/*') },
    listing(DATA, 'submissions/*', 'current/*', 'config/*', 'publishing/*'),
    { actions: ['s3:GetObject'], resources: objects(PUBLIC, 'releases/*', 'latest/*', 'index.html', 'index.fr.html', 'submit/*') },
    { actions: ['s3:PutObject'], resources: objects(PUBLIC, 'releases/*', 'latest/*', 'index.html', 'index.fr.html', 'submit/*') },
    { actions: ['s3:DeleteObject'], resources: objects(PUBLIC, 'latest/*') },
    listing(PUBLIC, 'releases/*', 'latest/*', 'index.html', 'index.fr.html', 'submit/*'),
    { actions: ['sqs:SendMessage'], resources: [`<${queue('FailureQueue').id}.Arn>`] },
  ];
  const EXACT: Record<string, () => object[]> = {
    Ingest: () => [
      logs('Ingest'),
      { actions: ['s3:GetObject'], resources: objects(UPLOADS, 'submissions/*', 'receipts/*') },
      { actions: ['s3:PutObject'], resources: objects(UPLOADS, 'receipts/*') },
      listing(UPLOADS, 'submissions/*', 'receipts/*'),
      { actions: ['s3:GetObject'], resources: objects(DATA, 'submissions/*', 'receipts/*', 'current/*', 'config/*') },
      { actions: ['s3:PutObject'], resources: objects(DATA, 'submissions/*', 'receipts/*', 'current/*') },
      listing(DATA, 'submissions/*', 'receipts/*', 'current/*', 'config/*'),
      { actions: ['sqs:SendMessage'], resources: [`<${queue('PublishQueue').id}.Arn>`] },
      { actions: ['sqs:SendMessage'], resources: [`<${queue('FailureQueue').id}.Arn>`] },
    ],
    Publisher: () => [
      ...publishing('Publisher').filter((st) => !JSON.stringify(st).includes(queue('FailureQueue').id)),
      { actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: [`<${queue('PublishQueue').id}.Arn>`] },
    ],
    // The repair (`dualtrack repair`) runs as recompute: it alone may discard an unlisted release folder.
    Recompute: () => [
      ...publishing('Recompute').slice(0, -1),
      { actions: ['s3:DeleteObject'], resources: objects(PUBLIC, 'releases/*') },
      ...publishing('Recompute').slice(-1),
    ],
  };

  it.each(['Ingest', 'Publisher', 'Recompute'])('%s holds exactly the rights its handler uses, action by action', (name) => {
    // Act
    const statements = roleStatements(template, roleOf(name));
    // Assess
    expect(statements.every((st) => st.effect === 'Allow')).toBe(true);
    expect(statements.map(({ effect: _effect, ...rest }) => rest)).toEqual(EXACT[name]?.());
  });

  it.each(['Ingest', 'Publisher', 'Recompute'])('%s has no wildcard action, no bucket-wide listing, no retention or version deletes', (name) => {
    // Act
    const statements = roleStatements(template, roleOf(name));
    const actions = statements.flatMap((st) => st.actions);
    // Assess
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(actions).not.toContain('s3:PutObjectRetention');
    expect(actions).not.toContain('s3:DeleteObjectVersion');
    for (const st of statements.filter((x) => x.actions.includes('s3:ListBucket'))) {
      expect(st.condition?.StringLikeIfExists?.['s3:prefix']?.length).toBeGreaterThan(0);
    }
  });

  it('the ingest function has no permission on the public bucket', () => {
    expect(touches(roleStatements(template, roleOf('Ingest')), PUBLIC)).toEqual([]);
  });

  it('the ingest function reads submissions/ and writes only receipts/ in the uploads bucket', () => {
    // Prepare
    const statements = roleStatements(template, roleOf('Ingest'));
    // Assess
    expect(objectPatterns(touches(statements, UPLOADS), UPLOADS)).toEqual([`<${UPLOADS}.Arn>/receipts/*`, `<${UPLOADS}.Arn>/submissions/*`]);
    expect(objectPatterns(writes(statements, UPLOADS), UPLOADS)).toEqual([`<${UPLOADS}.Arn>/receipts/*`]);
    expect(writes(statements, UPLOADS).flatMap((s) => s.actions)).not.toContain('s3:DeleteObject*');
  });

  it('the ingest function writes the data bucket under its submissions/, current/ and receipts/ prefixes, reads config/, and sends to the queue', () => {
    // Prepare
    const statements = roleStatements(template, roleOf('Ingest'));
    // Assess
    expect(objectPatterns(writes(statements, DATA), DATA)).toEqual([`<${DATA}.Arn>/current/*`, `<${DATA}.Arn>/receipts/*`, `<${DATA}.Arn>/submissions/*`]);
    expect(objectPatterns(touches(statements, DATA), DATA)).toEqual([
      `<${DATA}.Arn>/config/*`,
      `<${DATA}.Arn>/current/*`,
      `<${DATA}.Arn>/receipts/*`,
      `<${DATA}.Arn>/submissions/*`,
    ]);
    expect(
      statements.some((s) => s.actions.includes('sqs:SendMessage') && s.resources.includes(`<${queue('PublishQueue').id}.Arn>`)),
    ).toBe(true);
  });

  it.each(['Publisher', 'Recompute'])('%s has no permission on the uploads bucket, reads the archive and config/, and writes only the current figures and its claims', (name) => {
    // Prepare
    const statements = roleStatements(template, roleOf(name));
    // Assess
    expect(touches(statements, UPLOADS)).toEqual([]);
    expect(objectPatterns(touches(statements, DATA), DATA)).toEqual([
      `<${DATA}.Arn>/config/*`,
      `<${DATA}.Arn>/current/*`,
      `<${DATA}.Arn>/publishing/*`,
      `<${DATA}.Arn>/submissions/*`,
    ]);
    expect(objectPatterns(writes(statements, DATA), DATA)).toEqual([`<${DATA}.Arn>/current/*`, `<${DATA}.Arn>/publishing/*`]);
    expect(writes(statements, DATA).flatMap((s) => s.actions).filter((a) => a.startsWith('s3:Delete'))).toEqual([]);
  });

  it.each(['Publisher', 'Recompute'])('%s writes the public bucket only under the published prefixes', (name) => {
    const statements = roleStatements(template, roleOf(name));
    expect(objectPatterns(writes(statements, PUBLIC), PUBLIC)).toEqual(
      [`<${PUBLIC}.Arn>/index.fr.html`, `<${PUBLIC}.Arn>/index.html`, `<${PUBLIC}.Arn>/latest/*`, `<${PUBLIC}.Arn>/releases/*`, `<${PUBLIC}.Arn>/submit/*`].sort(),
    );
  });

  it('only the recompute function (which runs a repair) may delete under releases/; the publisher deletes only in latest/', () => {
    const deletesIn = (name: string) =>
      [...new Set(writes(roleStatements(template, roleOf(name)), PUBLIC).filter((s) => s.actions.some((a) => a.startsWith('s3:Delete'))).flatMap((s) => s.resources))].sort();
    expect(deletesIn('Publisher')).toEqual([`<${PUBLIC}.Arn>/latest/*`]);
    expect(deletesIn('Recompute')).toEqual([`<${PUBLIC}.Arn>/latest/*`, `<${PUBLIC}.Arn>/releases/*`]);
  });

  it('the publisher cannot send to the publish queue it drains', () => {
    const statements = roleStatements(template, roleOf('Publisher'));
    expect(statements.some((s) => s.actions.includes('sqs:SendMessage'))).toBe(false);
  });

  it('no function role carries an AWS managed policy', () => {
    for (const name of ['Ingest', 'Publisher', 'Recompute']) {
      const role = resourceOf(template, 'AWS::IAM::Role', roleOf(name)).props;
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('the schedule', () => {
  const schedule = (t = template) => resourceOf(t, 'AWS::Scheduler::Schedule', 'YearlyRecompute').props;

  it('runs yearly by default and invokes recompute with a schedule payload', () => {
    // Act
    const props = schedule();
    const target = props.Target as { Arn: unknown; Input: string; DeadLetterConfig: { Arn: unknown } };
    // Assess
    expect(DEFAULT_SCHEDULE_EXPRESSION).toBe('cron(0 6 1 3 ? *)');
    expect(props.ScheduleExpression).toBe(DEFAULT_SCHEDULE_EXPRESSION);
    expect(props.State).toBe('ENABLED');
    expect(render(target.Arn)).toBe(`<${fn('Recompute').id}.Arn>`);
    expect(JSON.parse(target.Input)).toMatchObject({ trigger: 'schedule', scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(render(target.DeadLetterConfig.Arn)).toBe(`<${queue('FailureQueue').id}.Arn>`);
  });

  it('takes its expression from the context', () => {
    const props = schedule(synthTemplate({ 'dualtrack:scheduleExpression': 'rate(30 days)' }));
    expect(props.ScheduleExpression).toBe('rate(30 days)');
  });

  it('refuses an expression that is not a Scheduler expression, naming the context key', () => {
    expect(() => synthTemplate({ 'dualtrack:scheduleExpression': '0 6 1 3 *' })).toThrow(StackSettingsError);
    expect(() => synthTemplate({ 'dualtrack:scheduleExpression': '0 6 1 3 *' })).toThrow(/dualtrack:scheduleExpression/);
  });
});

describe('the alarms', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
    (a) => (a as { Properties: Record<string, unknown> }).Properties,
  );
  const topic = resourceOf(template, 'AWS::SNS::Topic', 'AlarmsTopic');

  it.each(['PublishDlq', 'FailureQueue'])('fire on the first message visible in %s', (name) => {
    const alarm = alarms.find(
      (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && render((a.Dimensions as { Value: unknown }[])[0]?.Value) === `<${queue(name).id}.QueueName>`,
    );
    expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Namespace: 'AWS/SQS' });
    expect(asArray(alarm?.AlarmActions).map(render)).toEqual([`<${topic.id}>`]);
  });

  it.each(['Ingest', 'Publisher', 'Recompute'])('fire on any error of %s', (name) => {
    const alarm = alarms.find(
      (a) => a.MetricName === 'Errors' && render((a.Dimensions as { Value: unknown }[])[0]?.Value) === `<${fn(name).id}>`,
    );
    expect(alarm).toMatchObject({ Threshold: 1, Statistic: 'Sum', Namespace: 'AWS/Lambda' });
    expect(asArray(alarm?.AlarmActions).map(render)).toEqual([`<${topic.id}>`]);
  });

  const alarmOn = (metric: string, dimension: string) =>
    alarms.filter((a) => a.MetricName === metric && render((a.Dimensions as { Value: unknown }[])[0]?.Value) === dimension);

  it.each([
    ['Ingest', INGEST_TIMEOUT.toMilliseconds()],
    ['Publisher', PUBLISH_TIMEOUT.toMilliseconds()],
    ['Recompute', PUBLISH_TIMEOUT.toMilliseconds()],
  ])('fire when a run of %s takes 80%% of its timeout', (name, timeoutMs) => {
    // Act
    const found = alarmOn('Duration', `<${fn(name).id}>`);
    // Assess
    expect(fn(name).props.Timeout).toBe(timeoutMs / 1000);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Threshold: timeoutMs * 0.8,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
    });
    expect(asArray(found[0]?.AlarmActions).map(render)).toEqual([`<${topic.id}>`]);
  });

  it.each(['Ingest', 'Publisher', 'Recompute'])('fire when %s has been throttled for fifteen minutes in a row', (name) => {
    // Act
    const found = alarmOn('Throttles', `<${fn(name).id}>`);
    // Assess: three 5-minute periods, each with a throttle; a brief burst past the cap is by design.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(asArray(found[0]?.AlarmActions).map(render)).toEqual([`<${topic.id}>`]);
  });

  it('fire when a publish request has waited fifteen minutes in the publish queue', () => {
    // Act
    const found = alarmOn('ApproximateAgeOfOldestMessage', `<${queue('PublishQueue').id}.QueueName>`);
    // Assess
    expect(PUBLISH_QUEUE_MAX_AGE.toSeconds()).toBe(900);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ Namespace: 'AWS/SQS', Statistic: 'Maximum', Threshold: 900, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(asArray(found[0]?.AlarmActions).map(render)).toEqual([`<${topic.id}>`]);
  });

  it('are all wired to the topic, one per purpose', () => {
    // Assess: 2 queue depths, 1 queue age, and errors, duration and throttles for each of 5 functions.
    expect(alarms).toHaveLength(2 + 1 + 5 * 3);
    expect(alarms.every((a) => asArray(a.AlarmActions).map(render).join() === `<${topic.id}>`)).toBe(true);
  });

  it('notify an SNS topic encrypted with a rotating KMS key that CloudWatch may use', () => {
    // Prepare
    const keyId = render(topic.props.KmsMasterKeyId).replace(/^<|\.Arn>$/g, '');
    const key = resourceOf(template, 'AWS::KMS::Key', keyId).props;
    const statements = (key.KeyPolicy as { Statement: Statement[] }).Statement;
    // Assess
    expect(key.EnableKeyRotation).toBe(true);
    expect(
      statements.some(
        (s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }) && asArray(s.Action).includes('kms:Decrypt'),
      ),
    ).toBe(true);
    expect(deniesPlainHttp(policyStatements('AWS::SNS::TopicPolicy', 'AlarmsTopicPolicy'))).toBe(true);
  });

  it('subscribe an e-mail address only when the context gives one', () => {
    // Act
    const none = synthTemplate().findResources('AWS::SNS::Subscription');
    const withEmail = synthTemplate({ 'dualtrack:alarmEmail': 'ops@example.org' }).findResources('AWS::SNS::Subscription');
    // Assess
    expect(Object.keys(none)).toHaveLength(0);
    expect(Object.values(withEmail).map((s) => (s as { Properties: unknown }).Properties)).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.org' }),
    ]);
  });
});

describe('the settings and outputs', () => {
  it('names the buckets from the context when given', () => {
    // Act
    const t = synthTemplate({
      'dualtrack:uploadsBucketName': 'dt-uploads-test',
      'dualtrack:dataBucketName': 'dt-data-test',
      'dualtrack:publicBucketName': 'dt-public-test',
    });
    // Assess
    expect(resourceOf(t, 'AWS::S3::Bucket', 'Uploads').props.BucketName).toBe('dt-uploads-test');
    expect(resourceOf(t, 'AWS::S3::Bucket', 'Data').props.BucketName).toBe('dt-data-test');
    expect(resourceOf(t, 'AWS::S3::Bucket', 'Public').props.BucketName).toBe('dt-public-test');
  });

  it('refuses a bucket name S3 would refuse', () => {
    expect(() => synthTemplate({ 'dualtrack:uploadsBucketName': 'Uploads_Bucket' })).toThrow(/dualtrack:uploadsBucketName/);
  });

  it('outputs the bucket names, the public base URL and an example upload command', () => {
    // Act
    const outputs = Object.fromEntries(
      Object.entries(template.toJSON().Outputs as Record<string, { Value: unknown }>).map(([k, v]) => [k, render(v.Value)]),
    );
    // Assess
    expect(outputs).toMatchObject({
      [StackOutput.uploadsBucket]: `<${UPLOADS}>`,
      [StackOutput.dataBucket]: `<${DATA}>`,
      [StackOutput.publicBucket]: `<${PUBLIC}>`,
      [StackOutput.publicBaseUrl]: `https://<${PUBLIC}.RegionalDomainName>/`,
      [StackOutput.latestReportUrl]: `https://<${PUBLIC}.RegionalDomainName>/latest/${ReleaseManifest.dataset.path}`,
      [StackOutput.exampleUploadCommand]: `aws s3 cp submission.xlsx s3://<${UPLOADS}>/submissions/EST/submission.xlsx`,
    });
    expect(Object.keys(outputs).sort()).toEqual(Object.values(StackOutput).sort());
  });

  it('outputs what upload --stack and recompute --stack read: the uploads bucket and the recompute function', () => {
    // Act
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    // Assess
    expect({
      uploads: render(outputs[StackOutput.uploadsBucket]?.Value),
      recompute: render(outputs[StackOutput.recomputeFunction]?.Value),
    }).toEqual({ uploads: `<${UPLOADS}>`, recompute: `<${fn('Recompute').id}>` });
  });
});
