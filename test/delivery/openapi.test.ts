import path from 'node:path';
import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const DOCUMENT = path.join(__dirname, '..', '..', 'schema', 'openapi.json');

type Operation = {
  operationId: string;
  security?: unknown;
  responses: Record<
    string,
    { content?: Record<string, { schema: object; example?: unknown }>; headers?: object }
  >;
};

describe('schema/openapi.json, the pull API', () => {
  let operations: Record<string, Operation>;
  let api: { security: unknown; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    api = (await dereference(DOCUMENT)) as unknown as typeof api;
    operations = Object.fromEntries(
      Object.entries(api.paths).flatMap(([route, methods]) =>
        Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${route}`, op]),
      ),
    );
  });

  it('is a valid OpenAPI 3.1 document, its references to the payload schema included', async () => {
    const result = await validate(DOCUMENT);
    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.specification).toBe('OpenAPI');
    expect(result.warnings).toEqual([]);
  });

  it('describes the four operations, each behind a bearer key, with 401, 404 and 429', () => {
    expect(Object.keys(operations).sort()).toEqual([
      'GET /forms/{formId}/submissions',
      'GET /submissions/{reference}',
      'GET /submissions/{reference}/files/{fileId}',
      'POST /submissions/{reference}/receipt',
    ]);
    expect(api.security).toEqual([{ apiKey: [] }]);
    for (const op of Object.values(operations)) {
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(['200', '401', '404', '429']),
      );
      expect(op.responses['429']?.headers).toHaveProperty('Retry-After');
      expect(op.responses['401']?.headers).toHaveProperty('WWW-Authenticate');
    }
  });

  it('has examples that its own schemas accept', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    let checked = 0;
    for (const op of Object.values(operations)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response.content?.['application/json'];
        if (!media || media.example === undefined) continue;
        const check = ajv.compile(media.schema);
        expect([op.operationId, status, check(media.example), check.errors ?? []]).toEqual([
          op.operationId,
          status,
          true,
          [],
        ]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('gives a submission in the webhook payload’s format', () => {
    const get = operations['GET /submissions/{reference}'];
    const schema = get?.responses['200']?.content?.['application/json']?.schema as {
      title?: string;
    };
    expect(schema.title).toBe('civic-forms submission payload, version 1');
    const list = operations['GET /forms/{formId}/submissions'];
    const page = list?.responses['200']?.content?.['application/json']?.schema as {
      properties: { submissions: { items: { title?: string } } };
    };
    expect(page.properties.submissions.items.title).toBe(
      'civic-forms submission payload, version 1',
    );
  });
});
