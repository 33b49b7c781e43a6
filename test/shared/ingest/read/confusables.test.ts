import { describe, it, expect } from 'vitest';
import { foldConfusables } from '../../../../shared/ingest/read/confusables.ts';

describe('folding look-alike letters of other scripts', () => {
  it('still folds Cyrillic and Greek look-alikes of the letters in ally names', () => {
    // Act: "Lаtvia" with Cyrillic а, "Εstonia" with Greek Ε.
    const latvia = foldConfusables('L\u0430tvia');
    const estonia = foldConfusables('\u0395stonia');

    // Assess
    expect([latvia.text, latvia.swaps.map((s) => [s.codePoint, s.script, s.position])]).toEqual(['Latvia', [['U+0430', 'Cyrillic', 2]]]);
    expect([estonia.text, estonia.swaps.map((s) => [s.codePoint, s.script, s.position])]).toEqual(['Estonia', [['U+0395', 'Greek', 1]]]);
  });
});
