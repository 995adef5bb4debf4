import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { RESERVED_FORM_IDS } from '../../src/definition/reserved-form-ids';
import { FIXTURE_FORMS, testApp } from '../support/agent';

const permit = fs.readFileSync(path.join(FIXTURE_FORMS, 'parking-permit.json'), 'utf8');

/** The report for the fixture form renamed `id`, in a file named after it as the rules ask. */
function reportFor(id: string): string[] {
  const form = { ...JSON.parse(permit), id };
  const result = parseDefinition(JSON.stringify(form), path.join(process.cwd(), `${id}.json`));
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** One layer of an express 5 router: its path as written, and a router under it, if any. */
interface RouterLayer {
  rawPath?: unknown;
  route?: { path: unknown };
  handle: { stack?: RouterLayer[] };
}

/** The first segment of every path the app's routers match, following routers mounted at `/`. */
function topLevelPaths(stack: RouterLayer[]): string[] {
  return stack.flatMap((layer) => {
    const written = layer.route ? layer.route.path : layer.rawPath;
    if (layer.handle.stack && written === '/') return topLevelPaths(layer.handle.stack);
    const first = typeof written === 'string' ? (written.split('/')[1] ?? '') : '';
    return first && !first.startsWith(':') ? [first] : [];
  });
}

describe('reserved form ids', () => {
  it.each(Object.keys(RESERVED_FORM_IDS).filter((id) => id !== 'favicon.ico'))(
    'refuses a form with the id "%s", saying whose address it is and what to do',
    (id) => {
      const report = reportFor(id);
      expect(report).toEqual([
        `${id}.json: id: is "${id}", an address the service keeps for itself (${RESERVED_FORM_IDS[id]}) (expected any id except health, assets, resume, caseworker, dashboard, preview, metrics, admin, agencies, accessibility, privacy, cookies, contact, session, api, favicon.ico); name the form after what people use it for, such as "apply-for-a-parking-permit", and its file to match`,
      ]);
    },
  );

  it('refuses "favicon.ico" already as an id, which has no dots', () => {
    expect(reportFor('favicon.ico')).toEqual([
      'favicon.ico.json: id: must be lower-case letters, digits and single dashes, starting with a letter (found "favicon.ico")',
    ]);
  });

  it('lets a form start with a reserved word: only the whole id is the address', () => {
    expect(reportFor('caseworker-call-back')).toEqual([]);
    expect(reportFor('session-times')).toEqual([]);
  });

  it('keeps every top-level address the service answers itself', async () => {
    const app = testApp({ metricsToken: 'a-long-secret-token-for-the-scraper' });
    try {
      const routed = topLevelPaths(
        (app as unknown as { router: { stack: RouterLayer[] } }).router.stack,
      );
      // The assets middleware answers without a route: its URLs and the browsers' icon request.
      const page = await request(app).get('/');
      const assets = [...page.text.matchAll(/(?:href|src)="\/([^/"]+)\//g)].map(
        ([, first = '']) => first,
      );
      const icon = await request(app).get('/favicon.ico');
      expect(icon.status).toBe(204);
      const answered = [...new Set([...routed, ...assets, 'favicon.ico'])].sort();
      expect(answered).toEqual([
        'admin',
        'agencies',
        'api',
        'assets',
        'caseworker',
        'dashboard',
        'favicon.ico',
        'health',
        'metrics',
        'preview',
        'resume',
        'session',
      ]);
      expect(answered.filter((first) => !(first in RESERVED_FORM_IDS))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
