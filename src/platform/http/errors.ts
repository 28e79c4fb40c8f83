import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  PG_CHECK_VIOLATION,
  PG_EXCLUSION_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  pgErrorConstraint,
} from '../db/errors.js';
import { toFieldErrors } from './field-errors.js';
import { type FieldError, Problem } from './problem.js';

/**
 * `companies_name_key` → `name`, `exchange_rates_day_key` → `day`: constraint names follow
 * `<table>_<field>_<kind>`, and the error names the table.
 */
export function fieldOfConstraint(constraint: string | undefined, table: string | undefined): string {
  if (!constraint) return 'body';
  const withoutTable =
    table && constraint.startsWith(`${table}_`) ? constraint.slice(table.length + 1) : constraint;
  const field = withoutTable.replace(/_(key|fkey|check|pkey|excl)$/, '');
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) || 'body';
}

/** Database refusals that bad input can cause, said as problems; anything else stays a 500. */
function fromDatabase(error: unknown): Problem | undefined {
  const code = pgErrorCode(error);
  const constraint = pgErrorConstraint(error);
  const e = error as { table?: string; cause?: { table?: string } };
  const field = fieldOfConstraint(constraint, e?.cause?.table ?? e?.table);
  if (code === PG_UNIQUE_VIOLATION) {
    return new Problem(409, 'Already exists', `Another record already has this ${field}.`, [
      { field, reason: 'is already taken' },
    ]);
  }
  if (code === PG_FOREIGN_KEY_VIOLATION) {
    return new Problem(
      422,
      'Refers to something missing',
      `The ${field} refers to a record that does not exist.`,
      [{ field, reason: 'refers to a record that does not exist' }],
    );
  }
  if (code === PG_EXCLUSION_VIOLATION) {
    return new Problem(409, 'Overlaps', `Another record already covers this ${field}.`, [
      { field, reason: 'overlaps another record' },
    ]);
  }
  if (code === PG_CHECK_VIOLATION) {
    return new Problem(422, 'Rule broken', `The values break the rule "${constraint ?? 'check'}".`, [
      { field, reason: 'breaks a rule' },
    ]);
  }
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003') {
    return new Problem(422, 'Invalid value', 'A value has the wrong format or is out of range.');
  }
  if (code === '55000' || code === '42501') {
    return new Problem(409, 'Not allowed', (error as any)?.cause?.message ?? (error as Error).message);
  }
  return undefined;
}

const fastifyReasons: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty but the content type says JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The body is larger than this server accepts.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the body as application/json.',
};

export function toProblem(error: FastifyError | Error): Problem {
  if (error instanceof Problem) return error;
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors: FieldError[] = toFieldErrors(fe.validation as any, fe.validationContext ?? 'body');
    return new Problem(
      422,
      'The request has invalid fields',
      errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
      errors,
    );
  }
  const fromDb = fromDatabase(error);
  if (fromDb) return fromDb;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new Problem(
      fe.statusCode,
      fastifyReasons[fe.code] ?? fe.message,
      fastifyReasons[fe.code] ?? fe.message,
    );
  }
  return new Problem(500, 'Internal error', 'Something went wrong on our side. It has been logged.');
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, problem);
}
