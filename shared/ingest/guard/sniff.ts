// What a file really is, from its first bytes rather than its name. Only the formats an
// officer is likely to upload by mistake are named; anything else is simply "unknown".

const Sniffed = {
  zip: 'zip',
  ole2: 'ole2',
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpeg',
  gif: 'gif',
  unknown: 'unknown',
} as const;
type Sniffed = (typeof Sniffed)[keyof typeof Sniffed];

const MAGIC: readonly { kind: Sniffed; bytes: readonly number[] }[] = [
  // Local file header; an empty archive starts with the end-of-central-directory record.
  { kind: Sniffed.zip, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: Sniffed.zip, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: Sniffed.zip, bytes: [0x50, 0x4b, 0x07, 0x08] },
  // Compound File Binary: .xls, and what an encrypted .xlsx really is.
  { kind: Sniffed.ole2, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: Sniffed.pdf, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: Sniffed.png, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: Sniffed.jpeg, bytes: [0xff, 0xd8, 0xff] },
  { kind: Sniffed.gif, bytes: [0x47, 0x49, 0x46, 0x38] },
];

/** How each kind is described to a submitter ("… but is a PDF document"). */
const DESCRIPTION: Readonly<Record<Sniffed, string>> = {
  zip: 'a zip archive',
  ole2: 'an old-format Office file',
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  unknown: 'not a workbook',
};

const sniff = (bytes: Buffer): Sniffed =>
  MAGIC.find((m) => bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b))?.kind ??
  Sniffed.unknown;

// Office puts an encrypted OOXML package into a compound file with these two streams; their
// names sit in the CFB directory as UTF-16LE, so a byte search finds them without a CFB parser.
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));

const isEncryptedOfficeFile = (bytes: Buffer): boolean =>
  sniff(bytes) === Sniffed.ole2 && ENCRYPTION_STREAMS.some((name) => bytes.includes(name));

export { Sniffed, sniff, isEncryptedOfficeFile, DESCRIPTION as SNIFFED_DESCRIPTION };
