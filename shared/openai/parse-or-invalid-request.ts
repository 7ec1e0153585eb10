/** @module Input from outside parsed once, its first problem told to the caller as OpenAI's 400. */
import type { z } from 'zod';
import { invalidRequest, type ErrorValues, type FreeLLMError } from './error';

/** The first thing zod found wrong, and where: the dotted path of the field ('' for the whole value). */
export function firstIssue(error: z.core.$ZodError): { message: string; path: string; values: ErrorValues } {
  const issue = error.issues[0];
  return {
    message: issue?.message ?? 'Invalid input',
    path: issue?.path.join('.') ?? '',
    values: issue ? issueValues(issue) : {},
  };
}

/**
 * What a page words the issue by: zod's issue code (a schema's own `params.reason` for its custom
 * checks, with the values it chose to give), and the bound a length or size broke. Never the input,
 * which may be a secret.
 */
function issueValues(issue: z.core.$ZodIssue): ErrorValues {
  if (issue.code === 'custom') return { reason: issue.code, ...(issue.params as ErrorValues | undefined) };
  if (issue.code === 'too_small') return { reason: issue.code, minimum: Number(issue.minimum) };
  if (issue.code === 'too_big') return { reason: issue.code, maximum: Number(issue.maximum) };
  return { reason: issue.code };
}

export interface InvalidInputWording {
  /** Opens the message ("Invalid limits"); the field follows as "at limits.groq.rpm". Without it the message is zod's alone. */
  what?: string;
  /** Where the parsed value sits in the caller's input; the field is named below it. */
  param?: string;
  /** Appended to the message, e.g. the shape the input should have. */
  hint?: string;
}

/** The 400 `invalid_request` naming the first field `error` found wrong. */
export function invalidRequestFrom(error: z.core.$ZodError, wording: InvalidInputWording = {}): FreeLLMError {
  const issue = firstIssue(error);
  const param = [wording.param, issue.path].filter(Boolean).join('.') || null;
  const message = wording.what
    ? `${wording.what}${param ? ` at ${param}` : ''}: ${issue.message}`
    : issue.message;
  // A page words the issue by its values only where the message is the issue's own words.
  const framed = wording.what !== undefined || wording.hint !== undefined;
  return invalidRequest(
    wording.hint ? `${message}. ${wording.hint}` : message,
    param,
    framed ? undefined : issue.values,
  );
}

/** `value` as `schema` reads it, or the 400 naming the first field that does not parse. */
export function parseOrInvalidRequest<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  wording: InvalidInputWording = {},
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequestFrom(parsed.error, wording);
  return parsed.data;
}
