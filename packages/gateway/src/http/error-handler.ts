import { ERRORS, OtaError, type ErrorCode } from '@ota/campaign-core';
import type { FastifyError } from 'fastify';
import type { AnyFastify } from './services.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

// Connection-level failures of Postgres or Redis: the request was fine, a backing service was not.
const DEPENDENCY_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '53300']);

/** Maps every failure to a stable code and a JSON body; a 500 only for what is our bug. */
export function toErrorBody(err: FastifyError | OtaError | Error): { status: number; body: ErrorBody } {
  if (err instanceof OtaError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
    };
  }
  const fst = err as FastifyError & { validation?: unknown };
  if (fst.validation) return plain('OTA_ERR_VALIDATION', fst.message);
  if (fst.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return plain('OTA_ERR_IMAGE_TOO_LARGE', fst.message);
  if (fst.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return plain('OTA_ERR_UNSUPPORTED_MEDIA_TYPE', fst.message);
  if (fst.code?.startsWith('FST_ERR_CTP_') || (fst.statusCode === 400 && fst.code)) {
    return plain('OTA_ERR_VALIDATION', fst.message);
  }
  if (fst.code && DEPENDENCY_ERRORS.has(fst.code)) return plain('OTA_ERR_DEPENDENCY_DOWN', ERRORS.OTA_ERR_DEPENDENCY_DOWN.message);
  return plain('OTA_ERR_INTERNAL', ERRORS.OTA_ERR_INTERNAL.message);
}

function plain(code: ErrorCode, message: string) {
  return { status: ERRORS[code].status, body: { error: { code, message } } };
}

export function installErrorHandling(app: AnyFastify): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'OTA_ERR_NOT_FOUND', message: `no route ${request.method} ${request.url}` },
    } satisfies ErrorBody);
  });
}
