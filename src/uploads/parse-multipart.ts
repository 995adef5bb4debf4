import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { cleanFileName } from './file-name';
import type { FileProblem } from './file-problem';
import { defaultMaxRequestBytes, type MultipartLimits } from './multipart-limits';
import { MultipartError, type MultipartErrorCode } from './multipart-error';

/** A file as it arrived, held in memory: nothing is written to disk. */
export interface ReceivedFile {
  field: string;
  /** The name the user chose, cleaned (`cleanFileName`). */
  name: string;
  /** The type the browser declared: shown to no one and trusted for nothing. */
  declaredType: string;
  bytes: Buffer;
}

export interface ParsedMultipart {
  /** Text fields as express's urlencoded parser gives them: a string, or an array when repeated. */
  fields: Record<string, string | string[]>;
  /** The files within the limits, in the order they came. */
  files: ReceivedFile[];
  /** The files refused while streaming: too many for their field, too big, empty. */
  problems: FileProblem[];
}

function addField(fields: ParsedMultipart['fields'], name: string, value: string): void {
  const had = fields[name];
  fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
}

/**
 * Reads a `multipart/form-data` request as it streams (busboy), enforcing the limits as the bytes
 * arrive. Each file is kept in memory only while within its field's limits: a file past its size is
 * dropped at once and the rest of it read and discarded, so memory stays within the limits and
 * nothing is written to disk. A file input left empty gives nothing.
 *
 * @example
 *   const { fields, files, problems } = await parseMultipart(req, {
 *     fileFields: { evidence: { maxBytes: 10 * 1024 * 1024, maxFiles: 5 } },
 *     maxFields: 50,
 *     maxFieldBytes: 64 * 1024,
 *   });
 */
export function parseMultipart(
  req: IncomingMessage,
  limits: MultipartLimits,
): Promise<ParsedMultipart> {
  const maxRequestBytes = limits.maxRequestBytes ?? defaultMaxRequestBytes(limits);
  const rules = Object.values(limits.fileFields);
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > maxRequestBytes) {
      reject(
        new MultipartError('tooLarge', `the body is ${declared} bytes, over ${maxRequestBytes}`),
      );
      return;
    }
    // busboy reads urlencoded bodies too: a page with a file input posts multipart, nothing else.
    if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
      reject(new MultipartError('notMultipart', 'the request is not multipart/form-data'));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as UTF-8 (`filename="دفع.pdf"`); busboy's default is Latin-1.
        defParamCharset: 'utf8',
        limits: {
          fields: limits.maxFields,
          fieldSize: limits.maxFieldBytes,
          fileSize: Math.max(0, ...rules.map((f) => f.maxBytes)) + 1,
          parts: limits.maxFields + rules.reduce((sum, f) => sum + f.maxFiles, 0) + 100,
        },
      });
    } catch (error) {
      reject(
        new MultipartError('notMultipart', 'the request is not multipart/form-data', {
          cause: error,
        }),
      );
      return;
    }
    const result: ParsedMultipart = { fields: {}, files: [], problems: [] };
    const counts = new Map<string, number>();
    const filesRead: Promise<void>[] = [];
    let received = 0;
    let settled = false;

    const countBytes = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxRequestBytes) fail('tooLarge', `the body is over ${maxRequestBytes} bytes`);
    };
    const onClose = () => {
      if (!req.complete) fail('aborted', 'the request ended before its body did');
    };
    function fail(code: MultipartErrorCode, message: string, cause?: unknown): void {
      if (settled) return;
      settled = true;
      req.off('data', countBytes);
      req.off('close', onClose);
      req.unpipe(parser);
      req.pause();
      parser.removeAllListeners();
      // Anything busboy still says (a stream it had open) is about a request already refused.
      parser.on('error', () => undefined);
      reject(new MultipartError(code, message, cause === undefined ? undefined : { cause }));
    }

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        fail('fieldTooLong', `a field is over ${limits.maxFieldBytes} bytes`);
      } else {
        addField(result.fields, name, value);
      }
    });

    parser.on('file', (field, stream, info) => {
      const rule = limits.fileFields[field];
      if (!rule) {
        stream.resume();
        fail(
          'unexpectedFile',
          `a file came in ${JSON.stringify(field)}, which the page does not have`,
        );
        return;
      }
      const name = cleanFileName(info.filename ?? '');
      // An empty file input sends a part without a file name: nothing was chosen.
      if (name === '') {
        stream.resume();
        return;
      }
      const count = (counts.get(field) ?? 0) + 1;
      counts.set(field, count);
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      const refuse = (code: FileProblem['code']) => {
        refused = true;
        chunks.length = 0;
        result.problems.push({ field, code, name });
      };
      filesRead.push(
        new Promise((done) => {
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (refused) return;
            if (size > rule.maxBytes) refuse('tooBig');
            else chunks.push(chunk);
          });
          stream.on('error', (error) => fail('malformed', 'a file part is malformed', error));
          stream.on('end', () => {
            if (count > rule.maxFiles) {
              if (!refused) refuse('tooMany');
            } else if (size === 0 && !refused) {
              refuse('empty');
            } else if (!refused) {
              result.files.push({
                field,
                name,
                declaredType: info.mimeType,
                bytes: Buffer.concat(chunks, size),
              });
            }
            done();
          });
        }),
      );
    });

    parser.on('fieldsLimit', () => fail('tooManyFields', `more than ${limits.maxFields} fields`));
    parser.on('partsLimit', () =>
      fail('tooManyParts', 'more parts than the page has fields and files'),
    );
    parser.on('error', (error) => fail('malformed', 'the multipart body is malformed', error));
    parser.on('close', () => {
      void Promise.all(filesRead).then(() => {
        if (settled) return;
        settled = true;
        req.off('data', countBytes);
        req.off('close', onClose);
        resolve(result);
      });
    });

    req.on('data', countBytes);
    req.on('close', onClose);
    req.pipe(parser);
  });
}
