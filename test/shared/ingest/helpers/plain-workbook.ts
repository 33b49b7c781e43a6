// Small workbooks built with exceljs for tests that need a real .xlsx but not the template.
import ExcelJS from 'exceljs';

type CellValue = string | number | null | { formula: string; result?: number };

/** An .xlsx whose sheets hold the given rows (row 1 first). */
const workbookOf = async (sheets: Record<string, readonly (readonly CellValue[])[]>): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { workbookOf };
export type { CellValue };
