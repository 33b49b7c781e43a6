import { describe, expect, it } from 'vitest';
import { amountText, pctNumber, pctText, signedPoints, thresholdText } from '../../../../shared/report/pages/format.ts';

describe('numbers on the pages', () => {
  it('write English with a decimal point and French with a decimal comma and narrow no-break spaces', () => {
    expect([pctNumber('en', 3.456), pctNumber('fr', 3.456)]).toEqual(['3.46', '3,46']);
    expect([pctText('en', 3.5), pctText('fr', 3.5)]).toEqual(['3.50%', '3,50\u202f%']);
    expect([amountText('en', 1234567.4), amountText('fr', 1234567.4)]).toEqual(['1,234,567', '1\u202f234\u202f567']);
    expect([thresholdText('en', 1.5), thresholdText('fr', 1.5)]).toEqual(['1.5%', '1,5\u202f%']);
  });

  it('sign points, use the minus sign, and show a dash for an unknown figure', () => {
    expect([signedPoints('en', 0.3), signedPoints('fr', -0.25), signedPoints('en', 0)]).toEqual(['+0.30', '\u22120,25', '0.00']);
    expect([amountText('fr', -596304.05), pctNumber('en', null), signedPoints('fr', undefined)]).toEqual(['\u2212596\u202f304', '–', '–']);
  });
});
