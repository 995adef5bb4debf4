import type { EmailQuestion } from '../definition/types';
import { inputParams } from './label';
import { lengthErrors } from './length-rules';
import { postedString, type QuestionType } from './question-type';

/** Every error code an email answer can have. */
export const emailErrorCodes = ['required', 'invalid', 'tooLong'] as const;

/** The longest email address that can be delivered (RFC 5321's path limit, less its brackets). */
const MAX_LENGTH = 254;

// Something, an @, then a domain with at least one dot and no empty parts: loose on purpose,
// because only sending a message proves an address works.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** An email address, kept exactly as typed apart from surrounding spaces. */
export const email: QuestionType<EmailQuestion, string> = {
  errorCodes: emailErrorCodes,
  type: 'email',
  schemaKeys: {},
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body) {
    const typed = postedString(body, q.id);
    const value = typed.trim();
    const raw = { [q.id]: typed };
    if (value === '') {
      const errors = q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }];
      return { value: undefined, raw, errors };
    }
    const tooLong = lengthErrors(q.id, value, undefined, MAX_LENGTH);
    if (tooLong.length > 0) return { value: undefined, raw, errors: tooLong };
    if (!EMAIL.test(value)) {
      return {
        value: undefined,
        raw,
        errors: [{ questionId: q.id, field: q.id, code: 'invalid' }],
      };
    }
    return { value, raw, errors: [] };
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukInput',
      params: {
        ...inputParams(q, raw, context),
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
      },
    };
  },
  paper: () => [{ kind: 'write', lines: 1, width: 'full' }],
  summary: (_q, value) => [value],
};
