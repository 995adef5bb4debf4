import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { GOVUK_DIST } from './views';

/** The hash of govuk-frontend's one inline script, so the CSP allows it and nothing else inline. */
function inlineScriptHash(): string {
  const template = fs.readFileSync(path.join(GOVUK_DIST, 'govuk', 'template.njk'), 'utf8');
  const script = /<script[^>]*>([^<]*)<\/script>/.exec(template)?.[1] ?? '';
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/**
 * helmet's headers with a Content-Security-Policy that allows only the service's own files: no
 * `unsafe-inline`, no third party. Over HTTPS, requests for plain HTTP are upgraded.
 */
export function createSecurityHeaders(options: { secure: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", inlineScriptHash()],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
  });
}
