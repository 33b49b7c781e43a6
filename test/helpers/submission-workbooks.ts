// A plain submission workbook for pipeline and CLI tests: the ally named above a years-down
// table of GDP, core and security-related totals in millions of the ally's currency.
import { workbookOf } from './workbooks.ts';

interface YearFigures {
  year: number;
  status?: 'actual' | 'estimate' | 'plan';
  gdp: number;
  core: number;
  security: number;
}

const submissionWorkbook = (allyName: string, currency: string, years: readonly YearFigures[]): Promise<Buffer> =>
  workbookOf([
    {
      name: 'Data',
      rows: [
        ['Country:', allyName],
        [`Amounts in ${currency} million`],
        [],
        ['Year', 'Status', 'Currency', 'GDP', 'Core defence expenditure (total)', 'Security-related expenditure (total)'],
        ...years.map((y) => [y.year, y.status ?? 'actual', currency, y.gdp, y.core, y.security]),
      ],
    },
  ]);

export { submissionWorkbook };
export type { YearFigures };
