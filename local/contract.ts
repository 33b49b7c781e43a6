// What a client of a running local cloud relies on, and nothing heavier: its default address,
// the credentials and S3 client settings s3rver accepts, the environment the AWS CLI needs, and
// the control routes with the shape of the status answer. The server (control.ts, s3-server.ts)
// and the clients (cli/clients/) both take them from here, so the two sides cannot drift.
import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { ControlPath, DEFAULT_HOST, DEFAULT_PORT, LOCAL_CREDENTIALS, LOCAL_REGION } from './settings.ts';

const DEFAULT_ENDPOINT = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;

/** The status route names the service, so a client knows it reached a dualtrack local cloud. */
const SERVICE = 'dualtrack-local';

const StatusSchema = z.object({
  service: z.literal(SERVICE),
  endpoint: z.string(),
  buckets: z.object({ uploads: z.string(), data: z.string(), public: z.string() }),
  publicBaseUrl: z.string(),
  pendingPublishes: z.number().int().nonnegative(),
  pendingUploads: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
});
type Status = z.infer<typeof StatusSchema>;

/** `POST /_dualtrack/users`: a portal user for an ally (ISO3), or an analyst when `ally` is null. */
const NewPortalUserSchema = z.strictObject({ email: z.string().min(3), ally: z.string().regex(/^[A-Z]{3}$/).nullable() });
type NewPortalUser = z.infer<typeof NewPortalUserSchema>;
/** Its answer: the user's group and the sign-in password, shown once. */
const AddedPortalUserSchema = z.strictObject({ email: z.string(), group: z.string(), password: z.string() });
type AddedPortalUser = z.infer<typeof AddedPortalUserSchema>;

/** An S3 client for s3rver at `endpoint`: path style, its credentials, checksums only when required. */
const createLocalS3Client = (endpoint: string): S3Client =>
  new S3Client({
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    // s3rver predates the SDK's default CRC checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

/** The environment the AWS CLI needs against the local S3 (any credentials do). */
const localCliEnv = (): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  AWS_DEFAULT_REGION: LOCAL_REGION,
  // Newer CLIs send CRC checksums s3rver does not know; older ones ignore these.
  AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
  AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
});

export { ControlPath, DEFAULT_ENDPOINT, SERVICE, StatusSchema, NewPortalUserSchema, AddedPortalUserSchema, createLocalS3Client, localCliEnv };
export type { Status, NewPortalUser, AddedPortalUser };
