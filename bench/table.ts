// The bench's report as people read it: one line per case, A and B side by side with their
// ratio and its spread, peak memory, and the goal of issue 12 it is held against.
import type { BundleSize, CaseResult } from './cases.ts';

interface Machine {
  cpus: number;
  loadAverage: { start: number; end: number };
  /** Relative spread (IQR over median) of repeated `node -e 0` runs before the cases. */
  noise: { spread: number; medianMs: number; runs: number };
  node: string;
}

interface BenchReport {
  startedAt: string;
  quick: boolean;
  /** Paired runs per case when --repeats set them; null: each case's own (runs per side in each case). */
  repeats: number | null;
  machine: Machine;
  cases: CaseResult[];
  bundles: BundleSize[];
}

const duration = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`);
const times = (x: number): string => `${x.toFixed(2)}×`;
const percent = (x: number): string => `±${((x * 100) / 2).toFixed(0)}%`;
const mib = (x: number | null): string => (x === null ? '–' : x.toFixed(0));

const runsText = (cases: readonly CaseResult[]): string => {
  const counts = [...new Set(cases.map((c) => c.a.runs))].sort((x, y) => x - y);
  return `${counts.join(' or ')} pair${counts.length === 1 && counts[0] === 1 ? '' : 's'} a case`;
};

const columns = (cells: readonly string[], widths: readonly number[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();

const caseCells = (c: CaseResult): string[] => [
  c.title,
  duration(c.a.medianMs),
  c.b ? duration(c.b.medianMs) : '–',
  c.ratio ? times(c.ratio.median) : '–',
  c.ratio ? `${c.ratio.q1.toFixed(2)}–${c.ratio.q3.toFixed(2)}` : '–',
  c.a.rssMiB === null && (c.b?.rssMiB ?? null) === null ? '' : `${mib(c.a.rssMiB)} / ${mib(c.b?.rssMiB ?? null)}`,
  c.goals.map((g) => `${g.text} ${g.met ? 'met' : 'MISSED'}`).join(', '),
];

/** The report as a text table, with the machine's load and noise above it and notes below. */
const reportLines = (r: BenchReport): string[] => {
  const header = ['case (A vs B)', 'A median', 'B median', 'A/B', 'A/B IQR', 'peak MiB A / B', 'goal (issue 12)'];
  const rows = r.cases.map(caseCells);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const m = r.machine;
  return [
    '',
    `Machine: ${m.cpus} CPUs, Node.js ${m.node}, load average ${m.loadAverage.start.toFixed(1)} at start and ${m.loadAverage.end.toFixed(1)} at end;` +
      ` noise: node -e 0 took ${duration(m.noise.medianMs)} ${percent(m.noise.spread)} (half the IQR over the median, ${m.noise.runs} runs).`,
    r.quick
      ? 'Quick run: tiny sizes, one run of each, no warm-up; it shows the bench works, not how fast anything is.'
      : `Medians of paired, interleaved runs after a warm-up (${runsText(r.cases)}); A/B IQR is the spread of the per-pair ratios.`,
    '',
    columns(header, widths),
    columns(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((row) => columns(row, widths)),
    '',
    ...(r.bundles.length === 0
      ? []
      : [`Bundles: ${r.bundles.map((b) => `${b.fn} ${(b.bytes / 1024).toFixed(0)} KiB`).join(', ')} (budget ${((r.bundles[0]?.budgetBytes ?? 0) / 1024).toFixed(0)} KiB each).`]),
    ...r.cases.flatMap((c) => (c.note ? [`${c.title}: ${c.note}`] : [])),
  ];
};

export { reportLines };
export type { BenchReport, Machine };
