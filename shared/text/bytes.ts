// Byte counts as receipts word them. One formatter, so a size refusal reads the same whether the
// guard measured the downloaded bytes or the pipeline refused the object from its size alone.

/** "512 bytes", "1.5 KB", "10.0 MB" (binary multiples, one decimal). */
const formatBytes = (n: number): string => {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
};

export { formatBytes };
