// The root of every error dualtrack raises on purpose. Each area (engine, ingest, storage,
// pipeline, functions, stack, local cloud, CLI) derives its own base from it in its errors.ts,
// so a caller can tell "ours, with context and a cause" from anything a library threw.

class DualtrackError extends Error {
  override name = 'DualtrackError';
}

export { DualtrackError };
