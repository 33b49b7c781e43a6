import { describe, it, expect } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { workbookOf, yearsDown, yearsAcross, placeAt } from '../../../helpers/workbooks.ts';

describe('smoke', () => {
  it('reads', async () => {
    const t = yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel', 'Equipment', 'Cyber'], [[2023, 1000, 20, 10, 5, 1], [2024, 1100, '22,5', 11, '..', 'x1']]);
    const bytes = await workbookOf([{ name: 'Belgique', rows: [['Defence expenditure (EUR million)'], [], ...placeAt(t, 1, 1)] }, { name: 'Other', rows: yearsAcross(['Year', 'GDP', 'Defence expenditure', 'Personnel'], [[2025, 1, 2, 3]]) }]);
    const r = await readSubmission(bytes, 'x.xlsx', { limits: DEFAULT_LIMITS });
    console.log(JSON.stringify(r, null, 1));
    expect(r.drafts.length).toBeGreaterThan(0);
  });
});
