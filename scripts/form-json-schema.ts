import parse from 'joi-to-json';
import { formSchema } from '../src/definition/schema';

/** The definition format as JSON Schema (draft 2020-12), generated from the joi schema. */
export function formJsonSchema(): Record<string, unknown> {
  const schema = parse(formSchema, 'json') as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'civic-forms form definition',
    description: 'A form for civic-forms. Reference: docs/form-definition.md',
    ...schema,
  };
}
