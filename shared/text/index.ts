// Public surface of the text helpers shared by ingest, the pipeline and the report renderers.
export { safeText } from './safe-text.ts';
export { formatBytes } from './bytes.ts';
