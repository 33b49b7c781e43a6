// The little XML the package reader needs: attributes of a start tag and text with its entities
// undone. The sheet parts are scanned with regular expressions rather than a DOM or SAX parser:
// the guard has already bounded every part, and the reader wants a few element kinds out of
// tens of megabytes (a SAX parser visits every character in JavaScript, several times slower).
const ENTITY = /&(?:(lt|gt|quot|apos|amp)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

const codePoint = (n: number): string => (Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/** Text content or an attribute value with its entities and character references undone. */
const unescapeXml = (s: string): string =>
  s.includes('&')
    ? s.replace(ENTITY, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
        named ? (NAMED[named] ?? whole) : codePoint(dec ? Number(dec) : Number.parseInt(hex ?? '', 16)),
      )
    : s;

/** An attribute of a start tag's attribute text (`name` without prefix matches `x:name` too only when asked). */
const attr = (attrs: string, name: string): string | null => {
  const at = attrs.indexOf(` ${name}="`);
  const from = at >= 0 ? at : attrs.search(new RegExp(`\\s${name}="`));
  if (from < 0) return null;
  const start = attrs.indexOf('"', from) + 1;
  const end = attrs.indexOf('"', start);
  return end < 0 ? null : unescapeXml(attrs.slice(start, end));
};

/** The text of every `<t>` element in `xml` (a shared string or an inline string), joined; phonetic runs left out. */
const textRuns = (xml: string): string => {
  const body = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) out += unescapeXml(m[1] ?? '');
  return out;
};

export { attr, textRuns, unescapeXml };
