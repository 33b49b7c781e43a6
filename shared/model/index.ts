export * from './vocab.ts';
export * from './record.ts';
export * from './rules.ts';
export * from './finding.ts';
export * from './result.ts';
export * from './coverage.ts';
export * from './delivery.ts';
export * from './money-gap.ts';
