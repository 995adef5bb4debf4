import type { Response } from 'express';
import type { ErrorCode } from '../../errors';
import { ERROR_CODES } from '../../errors';

/** The pull API's refusals, as `schema/openapi.json` describes them. */
export type ApiErrorCode = Extract<
  ErrorCode,
  'API_KEY_INVALID' | 'NOT_FOUND' | 'BAD_REQUEST' | 'RATE_LIMITED'
>;

/** The words of each refusal: for the integrator's developer, in English like the API itself. */
const MESSAGES: Record<ApiErrorCode, string> = {
  API_KEY_INVALID: 'Send a valid API key as Authorization: Bearer <key>.',
  NOT_FOUND: 'No such form or submission for this key.',
  BAD_REQUEST: 'The request is not one this API understands.',
  RATE_LIMITED: 'Too many requests with this key.',
};

/**
 * Answers with an API error: its status, `{ "error": { "code", "message" } }`, and the header
 * RFC 6750 asks for on a 401.
 */
export function sendApiError(res: Response, code: ApiErrorCode, message = MESSAGES[code]): void {
  if (code === 'API_KEY_INVALID') res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(ERROR_CODES[code]).json({ error: { code, message } });
}
