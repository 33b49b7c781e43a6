// A minimal Compound File Binary (the container of .xls files and of encrypted .xlsx files),
// holding empty streams with the given names: enough to be a valid CFB whose directory names them.

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

const dirEntry = (name: string, type: 1 | 2 | 5, child: number, right: number): Buffer => {
  const e = Buffer.alloc(128);
  const n = Buffer.from(`${name}\0`, 'utf16le');
  n.copy(e, 0);
  e.writeUInt16LE(n.length, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(NOSTREAM, 68); // left sibling
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(ENDOFCHAIN, 116); // start sector: none (empty stream)
  return e;
};

/** A CFB (v3, 512-byte sectors) with a root and one empty stream per name, chained as right siblings. */
const buildCfb = (streamNames: readonly string[]): Buffer => {
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);

  const dir = Buffer.alloc(SECTOR);
  const root = dirEntry('Root Entry', 5, streamNames.length > 0 ? 1 : NOSTREAM, NOSTREAM);
  root.copy(dir, 0);
  streamNames.forEach((name, i) => {
    const right = i + 1 < streamNames.length ? i + 2 : NOSTREAM;
    dirEntry(name, 2, NOSTREAM, right).copy(dir, (i + 1) * 128);
  });
  return Buffer.concat([header, fat, dir]);
};

export { buildCfb };
