import fs from 'node:fs';
import { BUILT_CSS, BUILT_RTL_CSS, buildCss, buildRtlCss } from '../../scripts/build-css';

/** The class selectors a stylesheet has rules for. */
function classesIn(css: string): Set<string> {
  return new Set(
    [...css.matchAll(/\.(-?[_a-zA-Z][\w\\!-]*)/g)].map(([, name = '']) => name.replace(/\\/g, '')),
  );
}

describe('scripts/build-css', () => {
  let built: string;
  let classes: Set<string>;
  beforeAll(async () => {
    built = await buildCss();
    classes = classesIn(built);
  }, 120_000);

  it('wrote assets/build/civic-forms.css from the current views, templates and app.css (npm run build:css rebuilds it)', () => {
    const committed = fs.readFileSync(BUILT_CSS, 'utf8');
    const noLongerUsed = [...classesIn(committed)].filter((c) => !classes.has(c));
    const notYetBuilt = [...classes].filter((c) => !classesIn(committed).has(c));
    expect({ stale: committed !== built, noLongerUsed, notYetBuilt }).toEqual({
      stale: false,
      noLongerUsed: [],
      notYetBuilt: [],
    });
  });

  it('wrote the right-to-left stylesheet as the mirror of the built one', () => {
    const committed = fs.readFileSync(BUILT_CSS, 'utf8');
    expect(fs.readFileSync(BUILT_RTL_CSS, 'utf8') === buildRtlCss(committed)).toBe(true);
    // The back link's arrow and the error border sit on the right in right-to-left pages.
    expect(buildRtlCss('.a{padding-left:14px;border-left:5px solid red}')).toBe(
      '.a{padding-right:14px;border-right:5px solid red}\n',
    );
  });

  it('keeps the components the pages use, with their print styles', () => {
    for (const name of [
      'govuk-template',
      'govuk-width-container',
      'govuk-skip-link',
      'govuk-service-navigation',
      'govuk-back-link',
      'govuk-error-summary',
      'govuk-heading-l',
      'govuk-caption-l',
      'govuk-input',
      'govuk-date-input',
      'govuk-radios__input',
      'govuk-checkboxes__input',
      'govuk-select',
      'govuk-character-count',
      'govuk-summary-list',
      'govuk-button--start',
      'govuk-panel--confirmation',
      'govuk-footer',
      'govuk-!-margin-bottom-9',
    ]) {
      expect([name, classes.has(name)]).toEqual([name, true]);
    }
    expect(built).toMatch(/@media print\{[^}]*\.govuk-button\b/);
  });

  it('keeps the classes govuk-frontend’s JavaScript adds when the page runs', () => {
    for (const name of [
      'govuk-frontend-supported',
      'govuk-radios__conditional--hidden',
      'govuk-checkboxes__conditional--hidden',
      'govuk-character-count__message--disabled',
      'govuk-textarea--error',
      'govuk-skip-link-focused-element',
      'govuk-visually-hidden',
    ]) {
      expect([name, classes.has(name)]).toEqual([name, true]);
    }
  });

  it('keeps classes that templates and question types build from parts', () => {
    // text.ts: `govuk-input--width-${width}`; govuk's input template: `govuk-input__{{ type }}`.
    for (const name of [
      'govuk-input--width-5',
      'govuk-input--width-30',
      'govuk-input__prefix',
      'govuk-input__suffix',
    ]) {
      expect([name, classes.has(name)]).toEqual([name, true]);
    }
  });

  it('drops the components no page uses and every web font', () => {
    for (const name of [
      'govuk-accordion',
      'govuk-header',
      'govuk-tabs',
      'govuk-tag',
      'govuk-pagination',
    ]) {
      expect([name, classes.has(name)]).toEqual([name, false]);
    }
    expect(built).not.toContain('@font-face');
    expect(built).not.toMatch(/\.woff2?\b/);
  });

  it('sets one font, the system stack, on the root, and no govuk-frontend rule sets another', () => {
    const fonts = [...built.matchAll(/([^{}]*)\{[^}]*font-family:([^;}]*)/g)].map(
      ([, selector = '', family = '']) => `${selector.trim()} → ${family}`,
    );
    expect(fonts).toEqual([
      "html → system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif",
      'button,input,select,textarea → inherit',
    ]);
    expect(built).not.toContain('GDS Transport');
    expect(built.length).toBeLessThan(
      fs.statSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css')).size / 2,
    );
  });
});
