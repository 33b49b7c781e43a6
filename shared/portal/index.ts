// Public surface of the submitters' portal core: who calls (from a verified token's claims), what
// an upload may be, and the API router the Lambda and the local `serve` share.
export { portalApi, UPLOAD_EXPIRY_SECONDS } from './api.ts';
export type { PortalRequest, PortalResponse, PortalDeps, PresignedUpload, UploadToSign, Template } from './api.ts';
export { callerOf, allyGroup, PortalClaimsSchema, ANALYSTS_GROUP, ALLY_GROUP_PREFIX } from './caller.ts';
export type { Caller, CallerOutcome, PortalClaims } from './caller.ts';
export { ACCEPTED_TYPES, MAX_NAME_LENGTH, UploadRequestSchema, safeFileName, uploadKeyFor, uploadKeyPrefix, uploadTerms } from './upload.ts';
export type { UploadRequest, UploadTerms } from './upload.ts';
export { listReceipts, findReceipt, SUBMISSION_ID, UPLOAD_ID } from './receipts.ts';
export type { ReceiptReader, ReceiptSummary, ReceiptView } from './receipts.ts';
export { REFUSALS, refusal, statusOf } from './refusals.ts';
export type { RefusalCode, Refusal, RefusalBody } from './refusals.ts';
export { receiptNotification, FINDINGS_IN_MESSAGE } from './notification.ts';
export type { ReceiptNotification } from './notification.ts';
export { PortalError, CorruptReceiptError, PortalDepsError } from './errors.ts';
