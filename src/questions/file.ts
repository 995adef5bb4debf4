import Joi from 'joi';
import type { FileQuestion } from '../definition/types';
import { FILE_KIND_NAMES, FILE_KINDS } from '../uploads/file-kind';
import { FILE_PROBLEM_CODES, firstProblem } from '../uploads/file-problem';
import {
  RECEIVED_BY,
  storedFilesOf,
  type FileUploadState,
  type StoredFile,
} from '../uploads/stored-file';
import {
  DEFAULT_SCALE_PHOTOS_TO,
  MOST_MAX_SIZE_MB,
  kindWord,
  kindsOf,
  kindsText,
  maxBytesOf,
  maxFilesOf,
  sizeText,
} from './file-words';
import { errorParams, labelParams } from './label';
import type {
  ParseResult,
  QuestionError,
  QuestionType,
  RawState,
  Translate,
} from './question-type';

/**
 * A file as check answers, the staff pages, the PDF and emails show it: its name (unless
 * `withName` is false), size and type, and "received by post" (or email) when staff added it.
 */
export function fileSummaryLine(
  f: StoredFile,
  { t, lang }: { t: Translate; lang: string },
  withName = true,
): string {
  const size = sizeText(f.size, lang);
  const type = kindWord(f.kind);
  const text = withName
    ? t('questions:file.summaryLine', { name: f.name, size, type })
    : t('questions:file.details', { size, type });
  if (!f.receivedBy) return text;
  return t('questions:file.withReceived', {
    text,
    received: t(`questions:file.receivedBy.${f.receivedBy}`),
  });
}

/** Every error code a file answer can have: the upload checks', in the GOV.UK order. */
export const fileErrorCodes = FILE_PROBLEM_CODES;

/** The radios a caseworker says with how the caller sent a file (staff journeys only). */
export const receivedByField = (q: FileQuestion) => `${q.id}-received-by`;

/** The raw field holding the files already given, one JSON object each, to show them again. */
const uploadedField = (q: FileQuestion) => `${q.id}-uploaded`;

function filesOfRaw(q: FileQuestion, raw: RawState): StoredFile[] {
  const entries = raw[uploadedField(q)];
  const list = Array.isArray(entries) ? entries : entries ? [entries] : [];
  return storedFilesOf(
    list.map((entry) => {
      try {
        return JSON.parse(entry) as unknown;
      } catch {
        return undefined;
      }
    }),
  );
}

function stateOf(body: Record<string, unknown>, q: FileQuestion): FileUploadState {
  const state = body[q.id];
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    return { files: [], problems: [] };
  }
  const { files, problems } = state as Partial<FileUploadState>;
  return {
    files: storedFilesOf(files),
    problems: Array.isArray(problems) ? problems.filter((p) => p.field === q.id) : [],
  };
}

/** The `accept` attribute: each kind's type and extension, so phones offer the camera and photos. */
function acceptAttribute(q: FileQuestion): string {
  return kindsOf(q)
    .flatMap((kind) => [FILE_KINDS[kind].mimeType, `.${FILE_KINDS[kind].extension}`])
    .concat(kindsOf(q).includes('jpeg') ? ['.jpeg'] : [])
    .join(',');
}

/**
 * Files as evidence (a photo of the damp, a payslip): how many, of which kinds (by content), how
 * large. The answer is the list of stored files; the upload route stores them (src/web/uploads).
 */
export const file: QuestionType<FileQuestion, StoredFile[]> = {
  errorCodes: fileErrorCodes,
  type: 'file',
  schemaKeys: {
    minFiles: Joi.number().integer().min(1).max(20),
    maxFiles: Joi.number().integer().min(1).max(20),
    accept: Joi.array()
      .items(Joi.string().valid(...FILE_KIND_NAMES))
      .min(1)
      .unique(),
    maxSizeMB: Joi.number().positive().max(MOST_MAX_SIZE_MB),
    scalePhotosTo: Joi.number().integer().min(320).max(8000),
  },
  fields: (q) => [q.id],
  freeTextFields: () => [],
  parse(q, body, context): ParseResult<StoredFile[]> {
    const { files, problems } = stateOf(body, q);
    const value = files.length > 0 ? [...files] : undefined;
    const raw = file.toRaw(q, value);
    const lang = context.lang ?? 'en';
    const fail = (error: Omit<QuestionError, 'questionId' | 'field'>, field = q.id) => ({
      value,
      raw,
      errors: [{ questionId: q.id, field, ...error }],
    });
    const problem = firstProblem(problems);
    if (problem?.code === 'receivedBy') {
      return fail({ code: 'receivedBy' }, receivedByField(q));
    }
    if (problem) {
      return fail({
        code: problem.code,
        args: {
          name: problem.name ?? '',
          size: sizeText(maxBytesOf(q), lang),
          types: kindsText(kindsOf(q), lang),
          count: maxFilesOf(q),
          max: maxFilesOf(q),
        },
      });
    }
    const min = q.minFiles ?? 1;
    if (files.length === 0)
      return q.optional ? { value, raw, errors: [] } : fail({ code: 'required' });
    if (files.length < min) return fail({ code: 'tooFew', args: { min, count: min } });
    const max = maxFilesOf(q);
    if (files.length > max) return fail({ code: 'tooMany', args: { max, count: max } });
    return { value, raw, errors: [] };
  },
  toRaw: (q, value) => ({ [uploadedField(q)]: (value ?? []).map((f) => JSON.stringify(f)) }),
  view(q, raw, context) {
    const { t, lang } = context;
    const files = filesOfRaw(q, raw);
    const limits = t('questions:file.limits', {
      types: kindsText(kindsOf(q), lang),
      size: sizeText(maxBytesOf(q), lang),
      count: maxFilesOf(q),
    });
    const many = maxFilesOf(q) > 1;
    const choiceInError = context.error?.fields.includes(receivedByField(q)) ?? false;
    const receivedBy = context.staff
      ? {
          name: receivedByField(q),
          idPrefix: receivedByField(q),
          classes: 'govuk-radios--inline',
          fieldset: {
            legend: {
              text: t('questions:file.receivedByLegend'),
              classes: 'govuk-fieldset__legend--s',
            },
          },
          errorMessage: choiceInError ? errorParams(context) : undefined,
          items: RECEIVED_BY.map((how) => ({
            value: how,
            text: t(`questions:file.receivedByOption.${how}`),
          })),
        }
      : undefined;
    return {
      macro: 'govukFileUpload',
      params: {
        id: q.id,
        name: q.id,
        label: labelParams(q, context),
        hint: { text: q.hint ? `${q.hint} ${limits}` : limits },
        errorMessage: choiceInError ? undefined : errorParams(context),
        multiple: many,
        attributes: {
          accept: acceptAttribute(q),
          'data-max-dimension': String(q.scalePhotosTo ?? DEFAULT_SCALE_PHOTOS_TO),
          // What assets/add-files.js says when it adds or removes a file without leaving the page.
          'data-uploading-message': t('questions:file.uploading'),
          'data-uploaded-message': t('questions:file.uploadedAnnouncement', { name: '{name}' }),
          'data-removed-message': t('questions:file.removedAnnouncement', { name: '{name}' }),
        },
      },
      files: {
        heading: t('questions:file.added', { count: files.length }),
        receivedBy,
        upload: many ? t('questions:file.upload') : undefined,
        items: files.map((f) => ({
          id: f.id,
          name: f.name,
          details: fileSummaryLine(f, { t, lang }, false),
          remove: t('questions:file.remove'),
        })),
      },
    };
  },
  paper: (q, { t, lang }) => [
    {
      kind: 'tick',
      instruction: t('paper:file.enclose', {
        types: kindsText(kindsOf(q), lang),
        count: maxFilesOf(q),
      }),
      multiple: false,
      options: [{ text: t('paper:file.enclosed', { count: maxFilesOf(q) }) }],
    },
  ],
  summary: (_q, value, context) => storedFilesOf(value).map((f) => fileSummaryLine(f, context)),
};
