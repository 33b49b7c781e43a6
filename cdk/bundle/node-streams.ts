// `readable-stream` in the Lambda bundles: Node's own streams. readable-stream is a copy of
// Node's streams for other platforms; exceljs and JSZip (two versions of it) only take its
// classes and helpers, which Node's module holds under the same names. ~75 KiB less to load
// at every cold start.
export { Duplex, PassThrough, Readable, Stream, Transform, Writable, finished, pipeline } from 'node:stream';
