// What the reader hands to the checks: one year of one table, already normalised to millions
// of the ally's canonical currency, still carrying the cells each value came from so that
// every finding can name its sheet and cell.
import type { Core, FigureStatus, Security } from '../model/index.ts';

interface DraftRecord {
  /** ISO3 of the ally the table names, or null when it names none. */
  ally: string | null;
  year: number;
  /** As given; null when the table gives none (the checks decide what that means). */
  status: FigureStatus | null;
  /** The ally's canonical currency (today's), after any legacy-euro conversion. */
  currency: string | null;
  /** The currency the file declared for this year (e.g. BGN), before conversion; null if none. */
  sourceCurrency: string | null;
  gdp: number | null;
  core: Core;
  security: Security;
  notes?: string;
  illustrative?: boolean;
  /** Sheet the year was read from. */
  sheet: string;
  /** Field path (`gdp`, `core.total`, `security.cyber`, `status`, `year`, …) to its A1 address in `sheet`. */
  cells: Record<string, string>;
}

export type { DraftRecord };
