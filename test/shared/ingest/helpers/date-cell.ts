// Rewrites one cell of an .xlsx as an ISO 8601 date cell (`<c r="B3" t="d"><v>…</v></c>`), the
// form LibreOffice and some generators write and exceljs cannot produce, repacking the zip.
import { zipEntries } from '../../../helpers/zip-entries.ts';
import { buildZip } from './zip.ts';

const withDateCell = async (xlsx: Buffer, part: string, address: string, iso: string): Promise<Buffer> => {
  const entries = await zipEntries(xlsx);
  const sheet = entries.get(part)?.toString('utf8');
  if (sheet === undefined) throw new Error(`withDateCell: no part ${part}`);
  const cell = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(sheet)) throw new Error(`withDateCell: no cell ${address} in ${part}`);
  entries.set(part, Buffer.from(sheet.replace(cell, `<c r="${address}" t="d"><v>${iso}</v></c>`), 'utf8'));
  return buildZip([...entries].map(([name, data]) => ({ name, data })));
};

export { withDateCell };
