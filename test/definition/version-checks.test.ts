import fs from 'node:fs';
import path from 'node:path';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { FIXTURE_FORMS } from '../support/agent';

const permit = JSON.parse(
  fs.readFileSync(path.join(FIXTURE_FORMS, 'parking-permit.json'), 'utf8'),
) as Record<string, unknown>;

/** The validator's lines for the fixture form at a version, declaring these compatible. */
function reportFor(version: string, compatibleWith: string[]): string[] {
  const form = { ...permit, version, compatibleWith };
  const result = parseDefinition(
    JSON.stringify(form),
    path.join(process.cwd(), 'parking-permit.json'),
  );
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('version checks', () => {
  it('refuses a compatibleWith naming the definition its own version, saying what to do', () => {
    expect(reportFor('1.1', ['1.0', '1.1'])).toEqual([
      'parking-permit.json: compatibleWith[1]: is "1.1", this definition\'s own version (expected earlier versions only, whose drafts may move to this one); did you mean to raise "version" above 1.1? (docs/publishing.md)',
    ]);
  });

  it('accepts earlier versions', () => {
    expect(reportFor('1.2', ['1.0', '1.1'])).toEqual([]);
  });
});
