// Byte counts as receipts word them. One formatter, so a size refusal reads the same whether the
// guard measured the downloaded bytes or the pipeline refused the object from its size alone.
import type { Lang } from './lang.ts';

const UNITS: Readonly<Record<Lang, { bytes: (n: number) => string; kb: string; mb: string; decimal: string }>> = {
  en: { bytes: (n) => `${n} bytes`, kb: 'KB', mb: 'MB', decimal: '.' },
  // French counts 0 and 1 in the singular, and writes decimals with a comma.
  fr: { bytes: (n) => `${n}\u00a0${n < 2 ? 'octet' : 'octets'}`, kb: 'Ko', mb: 'Mo', decimal: ',' },
};

/** "512 bytes", "1.5 KB", "10.0 MB" (binary multiples, one decimal); in French "1,5 Ko". */
const formatBytes = (n: number, lang: Lang = 'en'): string => {
  const u = UNITS[lang];
  if (n < 1024) return u.bytes(n);
  const [value, unit] = n < 1024 * 1024 ? [n / 1024, u.kb] : [n / (1024 * 1024), u.mb];
  const text = value.toFixed(1).replace('.', u.decimal);
  return lang === 'en' ? `${text} ${unit}` : `${text}\u00a0${unit}`;
};

export { formatBytes };
