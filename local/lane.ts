// One lane, one job at a time: the local stand-in for the publisher's reserved concurrency of
// 1. Queue batches and recomputations both run in it, so two publishes never race.

interface Lane {
  run: <T>(job: () => Promise<T>) => Promise<T>;
}

const createLane = (): Lane => {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run: <T>(job: () => Promise<T>): Promise<T> => {
      const result = tail.then(job, job);
      tail = result.catch(() => undefined);
      return result;
    },
  };
};

export { createLane };
export type { Lane };
