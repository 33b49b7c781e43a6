// The operator's terminal while a local cloud runs: one short line per event worth knowing,
// each with the time and a fixed-width tag ("12:00:03 receipt      …").

type Say = (line: string) => void;

const clock = (d: Date): string => d.toISOString().slice(11, 19);

/** Prefixes every line with the time and a fixed-width tag. */
const createTerminal =
  (out: Say, now: () => Date = () => new Date()) =>
  (tag: string, text: string): void =>
    out(`${clock(now())} ${tag.padEnd(12)} ${text}`);

type Terminal = ReturnType<typeof createTerminal>;

export { createTerminal, clock };
export type { Terminal, Say };
