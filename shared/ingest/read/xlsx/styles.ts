// What a cell's style says about its number: a percentage, or a date (Excel keeps dates as day
// numbers and tells them apart only by the format). Read from xl/styles.xml: the cell formats
// (`cellXfs`, indexed by a cell's `s`) and the custom number formats they point to.
import { attr } from './xml.ts';

/** Per cell format index: how its numbers read. */
interface NumberStyles {
  percent: (styleIndex: number) => boolean;
  date: (styleIndex: number) => boolean;
}

// Built-in formats (ECMA-376 Part 1, 18.8.30): 9 and 10 are percentages; 14-22 and 45-47 dates
// and times; 27-36 and 50-58 the East Asian date formats.
const BUILT_IN_PERCENT = new Set([9, 10]);
const BUILT_IN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format is a date when, outside quoted text and brackets, it uses a date or time letter (as Excel and exceljs judge). */
const isDateFormat = (code: string): boolean => /[ymdhsb]/i.test(code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));

const numberStylesOf = (stylesXml: string): NumberStyles => {
  const custom = new Map<number, string>();
  for (const [tag] of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const percent: boolean[] = [];
  const date: boolean[] = [];
  for (const [tag] of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    percent.push(code !== undefined ? code.includes('%') : BUILT_IN_PERCENT.has(id));
    date.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE.has(id));
  }
  return { percent: (i) => percent[i] === true, date: (i) => date[i] === true };
};

const NO_STYLES: NumberStyles = { percent: () => false, date: () => false };

export { numberStylesOf, isDateFormat, NO_STYLES };
export type { NumberStyles };
