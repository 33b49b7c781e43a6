import { describe, it, expect } from 'vitest';
import { STATUS_CHOICES, statusOf } from '../../../shared/submission/index.ts';

describe('figure statuses', () => {
  it.each([
    ['Actual', 'actual'],
    ['outturn', 'actual'],
    ['Réalisé', 'actual'],
    ['exécuté', 'actual'],
    ['Estimate', 'estimate'],
    ['estimé', 'estimate'],
    ['Prévision', 'estimate'],
    ['Plan', 'plan'],
    ['planned', 'plan'],
    ['Budget', 'plan'],
    ['programmation', 'plan'],
    ['prévu', 'plan'],
  ] as const)('reads the status "%s" as %s', (text, status) => {
    // Act / Assess
    expect(statusOf(text)).toBe(status);
  });

  it('reads back every word of the template drop-down, in both languages', () => {
    // Act
    const misread = Object.values(STATUS_CHOICES)
      .flatMap((choices) => Object.entries(choices))
      .filter(([status, word]) => statusOf(word) !== status);
    // Assess
    expect(misread).toEqual([]);
  });
});
