import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, CommonErrors, fill, type ErrorDef, type ErrorParams, type FieldError, type Lang } from './errors';
import { zodFieldErrors } from './validation-messages';

/** Serialises every error as RFC 9457 problem+json with a stable code, in the caller's language. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, def: ErrorDef, params: ErrorParams = {}, errors?: FieldError[]) {
  const lang: Lang = request.lang ?? 'id';
  const body = {
    type: `https://pamong.dev/problems/${def.code.toLowerCase().replace(/_/g, '-')}`,
    title: def.code,
    status: def.status,
    detail: fill(lang === 'en' ? def.en : def.id, params, lang),
    code: def.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.code(def.status).type('application/problem+json; charset=utf-8').send(body);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang: Lang = request.lang ?? 'id';
  if (error instanceof AppError) {
    return sendProblem(reply, request, error.def, error.params, error.fieldErrors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((v) => {
      const path = [where === 'body' ? '' : where, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
      const issue = { ...v.params, code: v.keyword, message: v.message, path: [] } as never;
      return zodFieldErrors([issue], lang, path)[0] as FieldError;
    });
    return sendProblem(reply, request, CommonErrors.VALIDATION_FAILED, {}, errors);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: { message: error.message, code: error.code } }, 'response does not match its schema');
    return sendProblem(reply, request, CommonErrors.INTERNAL, { requestId: request.id });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, request, CommonErrors.BODY_TOO_LARGE, { limit: '1 MB' });
    case 'FST_REQ_FILE_TOO_LARGE':
      return sendProblem(reply, request, CommonErrors.BODY_TOO_LARGE, { limit: '20 MB' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, request, CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, request, CommonErrors.MALFORMED_JSON);
    default:
      break;
  }
  if (error.statusCode === 429) {
    return sendProblem(reply, request, CommonErrors.RATE_LIMITED, { seconds: 60 });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, request, CommonErrors.VALIDATION_FAILED, {}, [{ path: '', message: error.message }]);
  }
  // Log the message and stack only: request bodies may carry personal data.
  request.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'unhandled error');
  return sendProblem(reply, request, CommonErrors.INTERNAL, { requestId: request.id });
}
