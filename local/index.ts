// Public surface of the local cloud: what `serve`, `upload`, `recompute` and the tests use.
export { startLocalCloud, reportUrls } from './runtime.ts';
export type { LocalCloud, LocalCloudOptions, ReportUrls } from './runtime.ts';
export { runDemo, listSamples } from './demo.ts';
export type { DemoResult, Sample } from './demo.ts';
export { bannerLines, localCliEnv } from './banner.ts';
export { fetchStatus, requestRecompute, StatusSchema } from './control.ts';
export type { Status } from './control.ts';
export { createDeadLetterList, DeadLetterSchema, DeadLetterSource } from './dead-letters.ts';
export type { DeadLetter, DeadLetterList } from './dead-letters.ts';
export { LocalCloudError, PortInUseError, UnreachableError, ControlRequestError, WaitTimeoutError } from './errors.ts';
export { resolveTarget, DEFAULT_ENDPOINT } from './target.ts';
export type { Target, TargetChoice } from './target.ts';
export { uploadAndWait } from './upload.ts';
export { receiptLines } from './receipt-text.ts';
export { LOCAL_BUCKETS, DEFAULT_PORT, DeliverySettingsSchema } from './settings.ts';
export type { DeliverySettings } from './settings.ts';
export { PROJECT_ROOT, DEFAULT_RUNTIME_DIR, SAMPLES_DIR } from './project.ts';
