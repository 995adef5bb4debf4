/**
 * Writes schema/form-definition.schema.json from the joi schema, for editors' autocompletion.
 *   npm run schema
 * A test checks the committed file matches the schema, so it is never stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formJsonSchema } from './form-json-schema';

const target = path.join(__dirname, '..', 'schema', 'form-definition.schema.json');
fs.writeFileSync(target, `${JSON.stringify(formJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
