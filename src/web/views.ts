import path from 'node:path';
import nunjucks from 'nunjucks';
import { numbersKeptWhole } from './numbers-kept-whole';

/** The folder of the framework's own templates. */
export const VIEWS_DIR = path.resolve(__dirname, '..', '..', 'views');

/** govuk-frontend's `dist` folder, where its templates and macros live. */
export const GOVUK_DIST = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist',
);

/**
 * A nunjucks environment over the framework's views and govuk-frontend's, compiled once, with the
 * framework's filters (`numbersKeptWhole`, and `revealing`/`withItems` for revealed inputs).
 */
export function createViews(extraViewDirs: string[] = []): nunjucks.Environment {
  const views = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([...extraViewDirs, VIEWS_DIR, GOVUK_DIST], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  views.addFilter('numbersKeptWhole', numbersKeptWhole);
  // A radio's revealed inputs, rendered by the macro-call partial, go into govuk's `conditional`.
  views.addFilter('revealing', (item: Record<string, unknown>, html: string) =>
    String(html).trim() === '' ? item : { ...item, conditional: { html } },
  );
  views.addFilter('withItems', (params: Record<string, unknown>, items: unknown[]) => ({
    ...params,
    items,
  }));
  return views;
}
