import fs from 'node:fs';
import path from 'node:path';
import { formJsonSchema } from '../../scripts/form-json-schema';

describe('schema/form-definition.schema.json', () => {
  it('matches the joi schema it is generated from (run npm run schema after changing the format)', () => {
    const committed = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', 'schema', 'form-definition.schema.json'),
        'utf8',
      ),
    ) as unknown;
    expect(committed).toEqual(formJsonSchema());
  });

  it('offers every question type to editors', () => {
    const text = JSON.stringify(formJsonSchema());
    for (const type of [
      'text',
      'textarea',
      'number',
      'money',
      'email',
      'phone',
      'date',
      'radios',
      'checkboxes',
      'select',
      'yes-no',
      'name',
      'address',
    ]) {
      expect(text).toContain(`"${type}"`);
    }
  });
});
