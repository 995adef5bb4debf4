import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, ServiceError, type ErrorCode } from '../src/errors';

const DOC = path.join(__dirname, '..', 'docs', 'errors.md');

/** The rows of the table in docs/errors.md: code, status, what the user sees, what to do. */
function documentedRows(): Map<string, { status: number; user: string; operator: string }> {
  const rows = new Map<string, { status: number; user: string; operator: string }>();
  for (const line of fs.readFileSync(DOC, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const code = /^`([A-Z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!code) continue;
    rows.set(code, {
      status: Number(cells[2]),
      user: cells[3] ?? '',
      operator: cells[4] ?? '',
    });
  }
  return rows;
}

describe('errors', () => {
  const rows = documentedRows();
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it.each(codes)('documents %s in docs/errors.md with its HTTP status', (code) => {
    expect(rows.get(code)?.status).toBe(ERROR_CODES[code]);
  });

  it.each(codes)('says what the user sees and what an operator should do for %s', (code) => {
    expect(rows.get(code)?.user.length).toBeGreaterThan(10);
    expect(rows.get(code)?.operator.length).toBeGreaterThan(10);
  });

  it('documents no code the service does not have', () => {
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
  });

  it('gives a ServiceError the status of its code', () => {
    const error = new ServiceError('FORM_NOT_FOUND');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'FORM_NOT_FOUND', status: 404, message: 'FORM_NOT_FOUND' });
    expect(new ServiceError('PAGE_NOT_FOUND', 'No page "vehicles/9/fuel"').message).toBe(
      'No page "vehicles/9/fuel"',
    );
  });
});
