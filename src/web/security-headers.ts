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
 *
 * The headers are the same for every request (no directive depends on it), so helmet runs once,
 * here, and each response gets the headers it set: helmet would build the policy's text again on
 * every request.
 */
export function createSecurityHeaders(options: { secure: boolean }): RequestHandler {
  const headers: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => void headers.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let called = false;
  helmetWith(options)({} as never, recorder as never, () => (called = true));
  if (!called) throw new Error('security headers: helmet did not finish synchronously');
  return function securityHeaders(_req, res, next) {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

function helmetWith(options: { secure: boolean }): RequestHandler {
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
