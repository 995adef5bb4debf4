import Joi from 'joi';

/** The keys whose values are secrets: their values never appear in an error report. */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['secret', 'apiKey', 'pass']);

/** A destination id: lower-case words joined by dashes, like a form id. */
const destinationId = Joi.string()
  .pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  .max(60)
  .messages({
    'string.pattern.base':
      'must be lower-case letters, digits and single dashes, starting with a letter',
  });

/**
 * Where a secret is read from: an environment variable, or a file holding the secret alone (as
 * Docker and Kubernetes mount secrets), relative to the destinations file's folder.
 */
const secretReference = Joi.object({
  env: Joi.string().pattern(/^[A-Z_][A-Z0-9_]*$/),
  file: Joi.string().min(1),
}).xor('env', 'file');

const seconds = (fallback: number) => Joi.number().positive().max(300).default(fallback);
/** How long a file's signed download link works: from 5 minutes to 7 days. */
const linkMinutes = (fallback: number) =>
  Joi.number()
    .integer()
    .min(5)
    .max(7 * 24 * 60)
    .default(fallback);

const webhook = Joi.object({
  id: destinationId.required(),
  type: Joi.string().valid('webhook').required(),
  url: Joi.string()
    .uri({ scheme: ['https', 'http'] })
    .required(),
  secret: secretReference.required(),
  includePdf: Joi.boolean().default(false),
  files: Joi.string().valid('links', 'inline').default('links'),
  fileLinkMinutes: linkMinutes(60),
  timeoutSeconds: seconds(10),
  allowInsecure: Joi.boolean().default(false),
});

const emailAddress = Joi.string().email({ tlds: false });

const smtp = Joi.object({
  id: destinationId.required(),
  type: Joi.string().valid('email-smtp').required(),
  host: Joi.string().hostname().required(),
  port: Joi.number().integer().min(1).max(65535).default(587),
  allowInsecure: Joi.boolean().default(false),
  auth: Joi.object({ user: Joi.string().min(1).required(), pass: secretReference.required() }),
  from: emailAddress.required(),
  to: Joi.array().items(emailAddress).min(1).required(),
  attachmentLimitKb: Joi.number()
    .integer()
    .min(0)
    .max(50 * 1024)
    .default(10 * 1024),
  fileAttachmentLimitKb: Joi.number()
    .integer()
    .min(0)
    .max(50 * 1024),
  fileLinkMinutes: linkMinutes(7 * 24 * 60),
  timeoutSeconds: seconds(30),
});

const notify = Joi.object({
  id: destinationId.required(),
  type: Joi.string().valid('notify').required(),
  apiKey: secretReference.required(),
  templateId: Joi.string().guid().required(),
  emailAddress: emailAddress.required(),
  baseUrl: Joi.string()
    .uri({ scheme: ['https', 'http'] })
    .default('https://api.notifications.service.gov.uk'),
  includePdf: Joi.boolean().default(false),
  fileLinkMinutes: linkMinutes(7 * 24 * 60),
  timeoutSeconds: seconds(10),
  allowInsecure: Joi.boolean().default(false),
});

const pullApi = Joi.object({
  id: destinationId.required(),
  type: Joi.string().valid('pull-api').required(),
});

export const DESTINATION_TYPES = ['webhook', 'email-smtp', 'notify', 'pull-api'] as const;

const destination = Joi.alternatives().conditional('.type', {
  switch: [
    { is: 'webhook', then: webhook },
    { is: 'email-smtp', then: smtp },
    { is: 'notify', then: notify },
    { is: 'pull-api', then: pullApi },
  ],
  otherwise: Joi.object({
    id: destinationId,
    type: Joi.string()
      .valid(...DESTINATION_TYPES)
      .required(),
  }).unknown(true),
});

/** The destinations file: its destinations and, optionally, how failed deliveries are retried. */
export const destinationsFileSchema = Joi.object({
  $schema: Joi.string(),
  retry: Joi.object({
    firstDelaySeconds: Joi.number().positive().max(3600).default(30),
    maxDelayMinutes: Joi.number()
      .positive()
      .max(24 * 60)
      .default(60),
    // The promise: a receiver that is down for a day loses nothing.
    giveUpAfterHours: Joi.number()
      .min(24)
      .max(30 * 24)
      .default(24),
  }).default(),
  destinations: Joi.array().items(destination).unique('id').required(),
});
