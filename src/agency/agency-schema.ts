import Joi from 'joi';

/** A host name as browsers send it, in lower case, without a port: `forms.northbrook.gov.uk`. */
export const HOST_NAME =
  /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

const LANGUAGE = Joi.string().pattern(/^[a-z]{2,3}(-[A-Z]{2})?$/);

/** Text keyed by language code: that every offered language is there is checked after the schema. */
const translated = Joi.object().pattern(LANGUAGE, Joi.string().trim().min(1).max(500)).min(1);

const link = Joi.object({
  text: translated.required(),
  href: Joi.string()
    .uri({ scheme: ['https', 'http', 'mailto'], allowRelative: true })
    .max(500)
    .required(),
});

/**
 * The shape of `agencies/<id>/agency.json`. schema/agency.schema.json says the same for editors;
 * test/agency/agency-json-schema.test.ts keeps the two in step (examples and broken files).
 */
export const agencySchema = Joi.object({
  $schema: Joi.string(),
  id: Joi.string()
    .pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(60)
    .required(),
  name: translated.required(),
  staffAreaName: translated.required(),
  logo: Joi.object({
    file: Joi.string()
      .pattern(/^[A-Za-z0-9_-]+\.(svg|png)$/)
      .required(),
    alt: translated.required(),
  }),
  brandColour: Joi.string()
    .pattern(/^#[0-9a-fA-F]{6}$/)
    .required(),
  languages: Joi.array().items(LANGUAGE).min(1).unique().required(),
  headerLinks: Joi.array().items(link).max(5).default([]),
  footerLinks: Joi.array().items(link).max(10).default([]),
  contact: Joi.object({
    email: Joi.string().email({ tlds: false }),
    phone: Joi.string().max(40),
    textRelay: Joi.string().max(60),
    hours: translated,
    postalAddress: Joi.array().items(Joi.string().max(100)).min(1).max(8),
  })
    .or('email', 'phone', 'postalAddress')
    .required(),
  retention: Joi.object({
    submissionDays: Joi.number().integer().min(1).max(36500).required(),
  }).required(),
  accessibility: Joi.object({
    reviewed: Joi.string()
      .pattern(/^\d{4}-\d{2}-\d{2}$/)
      .required(),
    knownIssues: Joi.array().items(translated).default([]),
  }).required(),
  crownMarks: Joi.boolean().default(false),
  forms: Joi.array()
    .items(Joi.string().pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/))
    .unique()
    .default([]),
  hosts: Joi.array().items(Joi.string().pattern(HOST_NAME).max(253)).max(10).unique().default([]),
}).messages({
  'string.pattern.base': 'does not match {{#regex}}',
});
