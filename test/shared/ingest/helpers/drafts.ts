// Factories for draft records and check contexts: a complete, consistent year by default, so a
// test only spells out what it breaks.
import type { DraftRecord } from '../../../../shared/ingest/draft.ts';
import type { CheckContext } from '../../../../shared/ingest/checks/index.ts';
import { SHIPPED_REFERENCE } from '../../../../shared/ingest/checks/index.ts';
import { HAGUE_2025 } from '../../../../shared/model/index.ts';

/** A French year on sheet Data, years down the rows starting at row 5 for 2024 (row = year - 2019). */
const draftOf = (overrides: Partial<DraftRecord> = {}): DraftRecord => {
  const year = overrides.year ?? 2024;
  const row = year - 2019;
  return {
    ally: 'FRA',
    year,
    status: 'actual',
    currency: 'EUR',
    sourceCurrency: 'EUR',
    gdp: 2_900_000,
    core: { total: 60_000, personnel: 25_000, equipment: 15_000, infrastructure: 5_000, operations: 12_000, other: 3_000 },
    security: { total: 10_000, criticalInfrastructure: 4_000, cyber: 2_000, civilPreparedness: 1_000, innovation: 1_000, industrialBase: 1_000, militaryMobility: 1_000, other: 0 },
    sheet: 'Data',
    cells: {
      year: `A${row}`,
      status: `B${row}`,
      currency: `C${row}`,
      gdp: `D${row}`,
      'core.total': `E${row}`,
      'core.personnel': `F${row}`,
      'security.total': `K${row}`,
    },
    ...overrides,
  };
};

/** Upload checked on 27 November 2026, filed under France, default rules. */
const contextOf = (overrides: Partial<CheckContext> = {}): CheckContext => ({
  expectedAlly: 'FRA',
  rules: HAGUE_2025,
  now: new Date('2026-11-27T03:15:00Z'),
  reference: SHIPPED_REFERENCE,
  ...overrides,
});

export { draftOf, contextOf };
