// Every area's errors share one root, keep their own name, and carry the original as `cause`.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/index.ts';
import { StackSettingsError } from '../../cdk/errors.ts';
import { ConfigError } from '../../functions/common/errors.ts';
import { PortInUseError } from '../../local/errors.ts';
import { DuplicateRecordError } from '../../shared/engine/errors.ts';
import { DualtrackError } from '../../shared/errors.ts';
import { WorkbookUnreadableError } from '../../shared/ingest/errors.ts';
import { CorruptStoreError } from '../../shared/pipeline/errors.ts';

describe('the project error root', () => {
  it('is the ancestor of the errors of every area, each under its own name', () => {
    // Prepare
    const cause = new Error('underlying');
    const errors = [
      new DuplicateRecordError('EST', 2025, ['a', 'b']),
      new WorkbookUnreadableError('budget.xlsx', { cause }),
      new CorruptStoreError('submissions/EST/x.json', { cause }),
      new ConfigError(['DUALTRACK_UPLOADS_BUCKET'], 'missing', { cause }),
      new PortInUseError('127.0.0.1', 4568, { cause }),
      new StackSettingsError(['dualtrack:scheduleExpression'], ['bad expression'], { cause }),
      new UsageError('--port must be a number'),
    ];
    // Act
    const names = errors.map((e) => e.name);
    // Assess
    expect(errors.every((e) => e instanceof DualtrackError)).toBe(true);
    expect(names).toEqual([
      'DuplicateRecordError',
      'WorkbookUnreadableError',
      'CorruptStoreError',
      'ConfigError',
      'PortInUseError',
      'StackSettingsError',
      'UsageError',
    ]);
    expect(errors.slice(1, 6).every((e) => e.cause === cause)).toBe(true);
  });
});
