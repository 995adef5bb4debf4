import Joi from 'joi';
import { questionTypes } from '../questions/registry';
import { PLURAL_CATEGORIES } from './plural-keys';

/** Page and question ids: lower-case words joined by dashes, safe in a URL and a form field name. */
const slug = Joi.string()
  .pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  .max(60)
  .messages({
    'string.pattern.base':
      'must be lower-case letters, digits and single dashes, starting with a letter',
  });

const paragraphs = Joi.array().items(Joi.string().min(1));

const conditionValue = Joi.alternatives(Joi.string(), Joi.number(), Joi.boolean());

const OPERATORS = [
  'equals',
  'notEquals',
  'oneOf',
  'contains',
  'greaterThan',
  'lessThan',
  'answered',
] as const;

const comparison = Joi.object({
  question: slug.required(),
  equals: conditionValue,
  notEquals: conditionValue,
  oneOf: Joi.array().items(Joi.string(), Joi.number()).min(1),
  contains: Joi.string(),
  greaterThan: Joi.alternatives(Joi.number(), Joi.string()),
  lessThan: Joi.alternatives(Joi.number(), Joi.string()),
  answered: Joi.boolean(),
}).xor(...OPERATORS);

const has = (key: string) => Joi.object({ [key]: Joi.exist() }).unknown();

/** A condition: one comparison, or `all`/`any` of further conditions, nested as deep as needed. */
const condition: Joi.AlternativesSchema = Joi.alternatives()
  .conditional(has('all'), {
    then: Joi.object({ all: Joi.array().items(Joi.link('#conditionRule')).min(1).required() }),
  })
  .conditional(has('any'), {
    then: Joi.object({ any: Joi.array().items(Joi.link('#conditionRule')).min(1).required() }),
    otherwise: comparison,
  })
  .id('conditionRule');

const typeNames = Object.keys(questionTypes);

const errorMessages = Joi.object().pattern(Joi.string(), Joi.string());

/** Words that replace the question's own when `when` holds: at least one of them. */
const wording = Joi.object({
  when: condition.required(),
  label: Joi.string().min(1),
  summaryLabel: Joi.string().min(1),
  errorLabel: Joi.string().min(1),
  hint: Joi.string().min(1),
  errors: errorMessages,
}).or('label', 'summaryLabel', 'errorLabel', 'hint', 'errors');

const question = Joi.object({
  id: slug.required(),
  type: Joi.string()
    .valid(...typeNames)
    .required(),
  label: Joi.string().min(1).required(),
  summaryLabel: Joi.string(),
  errorLabel: Joi.string(),
  hint: Joi.string(),
  optional: Joi.boolean(),
  errors: errorMessages,
  notYet: Joi.alternatives(Joi.boolean(), Joi.string().min(1)),
  wording: Joi.array().items(wording).min(1),
}).when('.type', {
  switch: typeNames.map((name) => ({
    is: name,
    then: Joi.object(questionTypes[name as keyof typeof questionTypes].schemaKeys),
  })),
  // A misspelt type is reported once, not again for every key that type would have allowed.
  otherwise: Joi.object().unknown(true),
});

const questionPage = Joi.object({
  id: slug.required(),
  kind: Joi.string().valid('questions'),
  title: Joi.string(),
  body: paragraphs,
  questions: Joi.array().items(question).min(1).required(),
  condition,
}).when('.questions', { is: Joi.array().min(2), then: Joi.object({ title: Joi.required() }) });

const exitPage = Joi.object({
  id: slug.required(),
  kind: Joi.string().valid('exit').required(),
  reason: Joi.string().valid('ineligible', 'urgent', 'elsewhere'),
  title: Joi.string().required(),
  body: paragraphs.min(1).required(),
  condition,
});

const repeatSection = Joi.object({
  id: slug.required(),
  kind: Joi.string().valid('repeat').required(),
  title: Joi.string().required(),
  itemName: Joi.string().required(),
  itemLabel: slug.required(),
  addAnotherLabel: Joi.string().required(),
  ...Object.fromEntries(PLURAL_CATEGORIES.map((c) => [`itemCount_${c}`, Joi.string().min(1)])),
  min: Joi.number().integer().min(0).default(0),
  max: Joi.number().integer().min(1).max(50).default(10),
  pages: Joi.array().items(questionPage).min(1).required(),
  condition,
});

const page = Joi.alternatives().conditional('.kind', {
  switch: [
    { is: 'exit', then: exitPage },
    { is: 'repeat', then: repeatSection },
  ],
  otherwise: questionPage,
});

/** The joi schema of a whole form definition. */
export const formSchema = Joi.object({
  $schema: Joi.string(),
  id: slug.required(),
  title: Joi.string().required(),
  version: Joi.string()
    .pattern(/^\d+\.\d+(\.\d+)?$/)
    .required()
    .messages({ 'string.pattern.base': 'must be a version number such as 1.0 or 2.1.3' }),
  // Earlier versions whose drafts move to this one when they next load (docs/publishing.md).
  compatibleWith: Joi.array()
    .items(
      Joi.string()
        .pattern(/^\d+\.\d+(\.\d+)?$/)
        .messages({ 'string.pattern.base': 'must be a version number such as 1.0 or 2.1.3' }),
    )
    .unique(),
  language: Joi.string()
    .pattern(/^[a-z]{2,3}(-[A-Z]{2})?$/)
    .default('en'),
  languages: Joi.array()
    .items(Joi.string().pattern(/^[a-z]{2,3}(-[A-Z]{2})?$/))
    .min(1)
    .unique()
    .custom((languages: string[], helpers) => {
      const own = (helpers.state.ancestors[0] as { language?: string }).language ?? 'en';
      if (languages[0] !== own)
        throw new Error(`the first language must be the form's own ("${own}")`);
      return languages;
    }),
  description: Joi.string().required(),
  start: Joi.object({
    body: paragraphs.min(1).required(),
    before: paragraphs,
    duration: Joi.string(),
  }).required(),
  // A phone line, a postal address, or both: a service may be reachable by phone only or by post only.
  help: Joi.object({
    phone: Joi.string(),
    textRelay: Joi.string(),
    hours: Joi.string(),
    email: Joi.string().email({ tlds: false }),
    postalAddress: Joi.array().items(Joi.string()).min(2),
  })
    .or('phone', 'postalAddress')
    .and('phone', 'hours')
    .with('textRelay', 'phone')
    .required(),
  pages: Joi.array().items(page).min(1).required(),
  checkAnswers: Joi.object({
    title: Joi.string(),
    declaration: Joi.string(),
    submitLabel: Joi.string(),
  }),
  confirmation: Joi.object({
    title: Joi.string().required(),
    whatHappensNext: paragraphs.min(1).required(),
  }).required(),
  costs: Joi.object({
    currency: Joi.string()
      .pattern(/^[A-Z]{3}$/)
      .messages({ 'string.pattern.base': 'must be an ISO 4217 currency code such as GBP or EUR' }),
    online: Joi.number().min(0),
    phone: Joi.number().min(0),
    'phone-assisted': Joi.number().min(0),
    paper: Joi.number().min(0),
  }),
  destinations: Joi.array()
    .items(
      Joi.string()
        .pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
        .messages({
          'string.pattern.base':
            'must be the id of a destination in the destinations file (lower-case letters, digits and single dashes)',
        }),
    )
    .unique(),
});
