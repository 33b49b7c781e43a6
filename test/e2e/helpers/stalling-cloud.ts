// A local cloud (child process) whose publisher stops for good right before it would write
// releases/index.json: the release folder is complete, nothing indexed. It prints
// "stalled before the index" then, so a test can kill it with SIGKILL exactly there.
// Usage: stalling-cloud DIR PORT
import { startLocalCloud } from '../../../local/index.ts';
import { publish } from '../../../shared/pipeline/index.ts';
import { publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';

const [dir, port] = process.argv.slice(2);
if (!dir || !port) throw new Error('usage: stalling-cloud DIR PORT');

const stallingAtIndex = (inner: Storage): Storage => ({
  ...inner,
  put: async (bucket, key, body, options) => {
    if (bucket === 'public' && key === publicKeys.releasesIndex) {
      process.stdout.write('stalled before the index\n');
      await new Promise(() => undefined);
    }
    await inner.put(bucket, key, body, options);
  },
});

const cloud = await startLocalCloud({
  dir,
  port: Number(port),
  delivery: { batchWindowMs: 200, retryBaseMs: 20 },
  publish: (input) => publish({ ...input, storage: stallingAtIndex(input.storage) }),
});
process.stdout.write(`listening on ${cloud.endpoint}\n`);
