// Public surface of the portal function: its handler factory, the S3 presigner and the MFA
// check, which the Lambda entry (lambda.ts) wires from the environment and a local host may reuse.
export { createPortalHandler, HttpApiEventSchema } from './handler.ts';
export type { HttpApiResult } from './handler.ts';
export { createS3Presigner, presignedPostInput, DOWNLOAD_EXPIRY_SECONDS } from './presign.ts';
export { cognitoMfaCheck } from './mfa.ts';
export type { UserReader } from './mfa.ts';
