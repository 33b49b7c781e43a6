// Parse a reference document with its schema, turning zod's issues into one error that names
// the file and every offending field.
import type * as z from 'zod';
import { ReferenceFileInvalidError } from './errors.ts';

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);

const parseReference = <S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> => {
  const result = schema.safeParse(data);
  if (!result.success) throw new ReferenceFileInvalidError(file, describeIssues(result.error), result.error);
  return result.data;
};

export { parseReference, describeIssues };
