/**
 * The weight of every page of every example form, the form list and the "page not found" page, in
 * the bytes a browser accepting brotli receives (bodies, not headers):
 *
 * - HTML: the page as first opened; "w/ errors": after submitting it empty, where that is refused;
 * - block CSS: the stylesheets the browser waits for before drawing anything;
 * - first: HTML, stylesheet and scripts, nothing cached;
 * - later: what a later page loads with a warm cache (its HTML: assets are hashed and immutable).
 *
 *   npm run bench:weight
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir, testApp } from '../test/support/agent';
import { weighService, weightTable } from '../test/support/page-weight';

const FORMS_DIR = process.env.BENCH_FORMS_DIR ?? path.join(__dirname, '..', 'forms');

async function main(): Promise<void> {
  const dataDir = tempDataDir();
  const app = testApp({ formsDir: FORMS_DIR, dataDir });
  try {
    const pages = await weighService(app);
    console.log(
      `civic-forms page weight: ${app.forms.size} forms from ${FORMS_DIR}, bytes sent with Accept-Encoding: br\n`,
    );
    console.log(weightTable(pages));
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
