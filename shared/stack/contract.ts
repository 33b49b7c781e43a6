// The names the stack and everything that meets it must spell alike: the buckets' roles and the
// prefixes their grants, notification and public policy name; the functions' environment
// variables; which uploads fire ingest; the stack's outputs. The stack (cdk/), the handlers
// (functions/), the local cloud (local/) and the clients of a deployed stack all read them here.
// Plain data and tiny pure functions with no imports at all, so the CDK app and a client load
// none of zod, the rules or the SDK by reading it.

/** The three buckets of the design, by role; adapters map roles to real bucket names or folders. */
const BucketRole = { uploads: 'uploads', data: 'data', public: 'public' } as const;
type BucketRole = (typeof BucketRole)[keyof typeof BucketRole];

/**
 * The top-level prefixes that cross the stack boundary. `submissions/` and `receipts/` exist in
 * the uploads bucket (what allies write and read) and in the data bucket (the normalised
 * submissions and the private copies of receipts); `current/` (one current-figures object per
 * ally), `config/` and `publishing/` in the data bucket only; `releases/` and `latest/` in the
 * public one.
 */
const BucketPrefix = {
  submissions: 'submissions/',
  receipts: 'receipts/',
  releases: 'releases/',
  latest: 'latest/',
  /** Data bucket: each ally's current figures, kept by ingest and read by the publisher. */
  current: 'current/',
  /** Data bucket: the rules and exchange-rate table operators publish (`config put`). */
  config: 'config/',
  /** Data bucket: the publishers' claims on release numbers (never public). */
  publishing: 'publishing/',
  /** Public bucket: the submitters' page (issue 10), its files and the stack's config.json. */
  submit: 'submit/',
} as const;
type BucketPrefix = (typeof BucketPrefix)[keyof typeof BucketPrefix];

/** The human page at the public bucket's root (also the local cloud's index document). */
const PUBLIC_PAGE = 'index.html';
/** The same page in French, beside it. */
const PUBLIC_PAGE_FR = 'index.fr.html';

/** What the submitters' page reads to find the API and the sign-in (written by the stack or `serve`). */
const SUBMIT_CONFIG = `${BucketPrefix.submit}config.json`;

/** The prefixes (and keys) each bucket holds; every function grant is a subset of these. */
const BucketLayout = {
  uploads: [BucketPrefix.submissions, BucketPrefix.receipts],
  data: [BucketPrefix.submissions, BucketPrefix.receipts, BucketPrefix.current, BucketPrefix.config, BucketPrefix.publishing],
  public: [BucketPrefix.releases, BucketPrefix.latest, PUBLIC_PAGE, PUBLIC_PAGE_FR, BucketPrefix.submit],
} as const satisfies Readonly<Record<BucketRole, readonly string[]>>;

/** What anyone may GET from the public bucket: the published prefixes and the pages, nothing else. */
const PUBLIC_READ = BucketLayout.public;

/** Every environment variable the stack sets for the functions, spelt once. */
const EnvName = {
  uploadsBucket: 'DUALTRACK_UPLOADS_BUCKET',
  dataBucket: 'DUALTRACK_DATA_BUCKET',
  publicBucket: 'DUALTRACK_PUBLIC_BUCKET',
  publishQueueUrl: 'DUALTRACK_PUBLISH_QUEUE_URL',
  /** Optional JSON object overriding some ingest limits (strict: a misspelt key fails). */
  ingestLimits: 'DUALTRACK_INGEST_LIMITS',
} as const;
type EnvName = (typeof EnvName)[keyof typeof EnvName];

/**
 * The variables of the portal's functions (issue 10), apart from EnvName so the bundles that
 * read EnvName (ingest, within 1 KB of its budget) do not carry them.
 */
const PortalEnvName = {
  /** The portal function: the user pool it asks whether an analyst set up MFA. */
  userPoolId: 'DUALTRACK_USER_POOL_ID',
  /** The notify function: the topic every receipt is published to. */
  receiptTopicArn: 'DUALTRACK_RECEIPT_TOPIC_ARN',
  /** The notify function: the SES sender of receipt e-mails; unset, no e-mail is sent. */
  receiptEmailFrom: 'DUALTRACK_RECEIPT_EMAIL_FROM',
  /** The notify function: the submitters' page, linked from each e-mail. */
  portalPageUrl: 'DUALTRACK_PORTAL_PAGE_URL',
} as const;
type PortalEnvName = (typeof PortalEnvName)[keyof typeof PortalEnvName];

/** The variable that carries each bucket's name to a function allowed to use it. */
const BUCKET_ENV: Readonly<Record<BucketRole, EnvName>> = {
  uploads: EnvName.uploadsBucket,
  data: EnvName.dataBucket,
  public: EnvName.publicBucket,
};

/**
 * What fires ingest: every object created under `submissions/` of the uploads bucket, whatever
 * its name or suffix. The guard, not the notification, decides what a file is, so a `.pdf`, a
 * `.Csv` or a name ending in a space still gets a receipt saying what to do.
 */
const UploadTrigger = {
  bucket: BucketRole.uploads,
  /** The S3 notification event type. */
  event: 's3:ObjectCreated:*',
  prefix: BucketPrefix.submissions,
} as const;

/**
 * True when S3 would deliver this event to ingest. `eventName` as a record carries it
 * (`ObjectCreated:Put`; a leading `s3:` is ignored), `key` decoded.
 */
const triggersIngest = (eventName: string, key: string): boolean =>
  eventName.replace(/^s3:/, '').startsWith('ObjectCreated:') && key.startsWith(UploadTrigger.prefix);

/**
 * A key ending in `/` is a folder placeholder (the S3 console's "Create folder" writes one). It
 * fires the notification like any object, and no filter can leave it out, but it is no upload.
 */
const isFolderPlaceholder = (key: string): boolean => key.endsWith('/');

/** The stack's CloudFormation output keys; clients of a deployed stack look them up by these. */
const StackOutput = {
  uploadsBucket: 'UploadsBucketName',
  dataBucket: 'DataBucketName',
  publicBucket: 'PublicBucketName',
  publicBaseUrl: 'PublicBaseUrl',
  latestReportUrl: 'LatestReportUrl',
  exampleUploadCommand: 'ExampleUploadCommand',
  recomputeFunction: 'RecomputeFunctionName',
  publishDlqUrl: 'PublishDlqUrl',
  failureQueueUrl: 'FailureQueueUrl',
  alarmTopicArn: 'AlarmTopicArn',
  /** S3 server access logs of the three buckets: who uploaded, read or changed what, and when. */
  accessLogsBucket: 'AccessLogsBucketName',
  /** The submitters' portal: its user pool (`dualtrack users add --stack`), app client, API, sign-in and page. */
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  portalApiUrl: 'PortalApiUrl',
  signInDomain: 'SignInDomain',
  portalPageUrl: 'PortalPageUrl',
  /** Each receipt as a message with attributes `ally` and `status`; subscribe with a filter policy. */
  receiptTopicArn: 'ReceiptTopicArn',
  /** The role operators assume to upload by hand (the only writer under submissions/ besides the portal). */
  operatorsRoleArn: 'OperatorsRoleArn',
} as const;
type StackOutput = (typeof StackOutput)[keyof typeof StackOutput];

export {
  BucketRole,
  BucketPrefix,
  PUBLIC_PAGE,
  PUBLIC_PAGE_FR,
  SUBMIT_CONFIG,
  BucketLayout,
  PUBLIC_READ,
  EnvName,
  PortalEnvName,
  BUCKET_ENV,
  UploadTrigger,
  triggersIngest,
  isFolderPlaceholder,
  StackOutput,
};
