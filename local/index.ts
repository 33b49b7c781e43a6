// Public surface of the local cloud (the emulator): start it, where it keeps its files, the
// events it reports, its server-side control routes and its errors. Clients of a running local
// cloud need only local/contract.ts, which loads none of this.
export { startLocalCloud } from './runtime.ts';
export type { LocalCloud, LocalCloudOptions } from './runtime.ts';
export { PROJECT_ROOT, DEFAULT_RUNTIME_DIR, SAMPLES_DIR } from './project.ts';
export { DEFAULT_PORT } from './settings.ts';
export type { LocalCloudEvent, LocalCloudObserver } from './events.ts';
export { createControlHandler } from './control.ts';
export type { ControlApi } from './control.ts';
export type { AwsS3Event } from './s3-event.ts';
export { LocalCloudError, PortInUseError, ControlRouteError } from './errors.ts';
export { createGuardedStore } from './s3-store.ts';
