import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { agencySchema } from '../../src/agency/agency-schema';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true }).compile(read('schema/agency.schema.json'));
const joiAccepts = (json: unknown) =>
  agencySchema.validate(json, { abortEarly: false, convert: false }).error === undefined;

describe('schema/agency.schema.json', () => {
  const examples = ['northbrook-council', 'northbrook-housing'].map((id) =>
    read(`agencies/${id}/agency.json`),
  );

  it('accepts both example agencies, as the joi schema does', () => {
    for (const example of examples) {
      expect([validate(example), validate.errors]).toEqual([true, null]);
      expect(joiAccepts(example)).toBe(true);
    }
  });

  it.each([
    ['no name', (j: Record<string, unknown>) => delete j.name],
    ['a colour by name', (j: Record<string, unknown>) => (j.brandColour = 'green')],
    ['an unknown key', (j: Record<string, unknown>) => (j.colour = '#000000')],
    [
      'a logo that is a GIF',
      (j: Record<string, unknown>) => (j.logo = { file: 'logo.gif', alt: { en: 'x' } }),
    ],
    ['no contact at all', (j: Record<string, unknown>) => (j.contact = { textRelay: '18001' })],
    [
      'retention in words',
      (j: Record<string, unknown>) => (j.retention = { submissionDays: 'forever' }),
    ],
  ])('refuses %s, as the joi schema does', (_name, change) => {
    const broken = structuredClone(examples[0] as Record<string, unknown>);
    change(broken);
    expect(validate(broken)).toBe(false);
    expect(joiAccepts(broken)).toBe(false);
  });
});
