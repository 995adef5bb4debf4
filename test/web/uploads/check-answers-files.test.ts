import fs from 'node:fs';
import path from 'node:path';
import type { CivicFormsApp } from '../../../src/web/app';
import { tempDataDir, testApp, Visitor } from '../../support/agent';

const FORMS = path.join(__dirname, '..', '..', 'fixtures', 'upload-forms');
const UPLOADS = path.join(__dirname, '..', '..', 'fixtures', 'uploads');
const PNG = fs.readFileSync(path.join(UPLOADS, 'damp-wall.png'));
const PDF = fs.readFileSync(path.join(UPLOADS, 'payslip.pdf'));
const PAGE = '/council-tax-evidence/payslips';
const CHECK = '/council-tax-evidence/check-answers';

let app: CivicFormsApp;
beforeAll(() => {
  app = testApp({ formsDir: FORMS, dataDir: tempDataDir(), logLevel: 'silent' });
});
afterAll(() => app.close());

/** A visitor at check answers with the two files added. */
async function atCheckAnswers(): Promise<Visitor> {
  const visitor = new Visitor(app);
  await visitor.get(PAGE);
  await visitor.agent
    .post(PAGE)
    .field('_csrf', visitor.csrf)
    .field('action', 'upload')
    .attach('payslips', PNG, 'damp-wall.png')
    .attach('payslips', PDF, 'payslip.pdf');
  await visitor.get(PAGE);
  await visitor.agent
    .post(PAGE)
    .field('_csrf', visitor.csrf)
    .attach('payslips', Buffer.alloc(0), '');
  await visitor.answer('/council-tax-evidence/full-name', { 'full-name': 'Amara Okafor' });
  await visitor.get(CHECK);
  return visitor;
}

/** Each file check answers lists: its line and the id its Remove button posts. */
function removable(html: string): Array<[string, string]> {
  return [
    ...html.matchAll(
      /<li class="cf-file-line">(.*?) <button type="submit" formaction="\/council-tax-evidence\/check-answers\/remove-file" name="removeFile" value="([^"]+)"/g,
    ),
  ].map((m) => [(m[1] ?? '').replace(/<[^>]+>/g, ''), m[2] ?? '']);
}

describe('files on check answers', () => {
  it('lists each file with a Remove button inside the page’s form, as well as Change', async () => {
    const visitor = await atCheckAnswers();
    expect(removable(visitor.html).map(([line]) => line)).toEqual([
      'damp-wall.png (1 kB, PNG)',
      expect.stringMatching(/^payslip\.pdf \(\d+ kB, PDF\)$/),
    ]);
    // Only the name, as typed by the person's device, is isolated: the line reads in the page's
    // direction around it (in Arabic, the size and type words stay in order).
    expect(visitor.html).toContain('<li class="cf-file-line"><bdi>damp-wall.png</bdi> (1 kB, PNG)');
    expect(visitor.html).toContain(
      'Remove<span class="govuk-visually-hidden"> <bdi>payslip.pdf</bdi></span>',
    );
    expect(visitor.html).toContain(`href="${PAGE}?change=1"`);
    // The buttons are in the form that holds the CSRF token.
    const form =
      /<form method="post" action="\/council-tax-evidence\/check-answers" novalidate>([\s\S]*?)<\/form>/.exec(
        visitor.html,
      )?.[1] ?? '';
    expect(form).toContain('name="_csrf"');
    expect(removable(form)).toHaveLength(2);
  });

  it('removes a file and comes back to check answers without it, its blob deleted', async () => {
    const visitor = await atCheckAnswers();
    const [[, kept], [, gone]] = removable(visitor.html) as [[string, string], [string, string]];
    const response = await visitor.post(`${CHECK}/remove-file`, { removeFile: gone });
    expect([response.status, response.headers.location]).toEqual([303, CHECK]);
    await visitor.get(CHECK);
    expect(removable(visitor.html).map(([, id]) => id)).toEqual([kept]);
    expect(await app.uploads?.blobs.get(gone)).toBeUndefined();
    expect(await app.uploads?.blobs.get(kept)).toBeDefined();
  });

  it('goes to the question when its last file is removed, which it needs', async () => {
    const visitor = await atCheckAnswers();
    for (const [, id] of removable(visitor.html)) {
      await visitor.get(CHECK);
      const response = await visitor.post(`${CHECK}/remove-file`, { removeFile: id });
      expect(response.status).toBe(303);
    }
    const last = await visitor.get(CHECK);
    expect([last.status, last.headers.location]).toEqual([303, PAGE]);
  });

  it('refuses a remove without the CSRF token and keeps the file', async () => {
    const visitor = await atCheckAnswers();
    const [[, id]] = removable(visitor.html) as [[string, string]];
    const forged = await visitor.agent
      .post(`${CHECK}/remove-file`)
      .type('form')
      .send({ removeFile: id });
    expect(forged.status).toBe(403);
    await visitor.get(CHECK);
    expect(removable(visitor.html)).toHaveLength(2);
  });
});
