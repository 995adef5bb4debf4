import { Writable } from 'node:stream';
import pino from 'pino';
import { LOG_SERIALISERS, serialiseError } from '../../src/web/log-serialisers';

/** An error as libraries make them: the request hung on it. */
function errorCarryingTheRequest(): Error {
  const cause = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  return Object.assign(new Error('request failed', { cause }), {
    status: 413,
    code: 'E_PARSE',
    body: 'password=hunter2-hunter2&full-name=Zebedee',
    raw: Buffer.from('password=hunter2-hunter2'),
    request: { headers: { cookie: 'civic.sid=s%3Asecret' } },
  });
}

describe('log serialisers', () => {
  it('keep of an error only its class, code, status, message, stack and cause', () => {
    const shown = serialiseError(errorCarryingTheRequest());
    expect(Object.keys(shown ?? {}).sort()).toEqual(
      ['cause', 'code', 'message', 'stack', 'status', 'type'].sort(),
    );
    expect(shown).toMatchObject({
      type: 'Error',
      code: 'E_PARSE',
      status: 413,
      message: 'request failed',
      cause: { type: 'Error', code: 'SQLITE_FULL', message: 'database or disk is full' },
    });
  });

  it('keep a logged error free of the request it carried', () => {
    const lines: string[] = [];
    const logger = pino(
      { serializers: LOG_SERIALISERS },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    logger.error({ err: errorCarryingTheRequest() }, 'request failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SQLITE_FULL');
    for (const secret of ['hunter2', 'Zebedee', 'civic.sid', '"body"', '"raw"']) {
      expect(lines[0]).not.toContain(secret);
    }
  });
});
