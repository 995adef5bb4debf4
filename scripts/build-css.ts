/**
 * Builds the one stylesheet every page loads: govuk-frontend's CSS and `assets/app.css`, without web
 * fonts and without the rules no page can use. PurgeCSS keeps a rule only when its class names appear
 * in what can put them on a page: the views, the govuk-frontend templates the views call (followed
 * through their own imports), the JavaScript of those components (the classes it adds at run time)
 * and the TypeScript that builds macro parameters (`govuk-label--l`, `govuk-input--width-10`).
 *
 *   npm run build:css   writes assets/build/civic-forms.css
 *
 * The built file is committed, so the service needs neither PurgeCSS nor a build step to start, and a
 * test fails when it differs from what this script builds now (after a template changes).
 */
import fs from 'node:fs';
import rtlcss from 'rtlcss';
import path from 'node:path';
import { PurgeCSS, type RawContent } from 'purgecss';
import { GOVUK_DIST } from '../src/web/views';

const ROOT = path.resolve(__dirname, '..');
const GOVUK = path.join(GOVUK_DIST, 'govuk');

/** Where the built stylesheet is written, and where the service reads it. */
export const BUILT_CSS = path.join(ROOT, 'assets', 'build', 'civic-forms.css');
/** The same stylesheet mirrored for right-to-left languages (Arabic, Urdu, Persian, Hebrew). */
export const BUILT_RTL_CSS = path.join(ROOT, 'assets', 'build', 'civic-forms.rtl.css');

/**
 * A class name built from a prefix and a value (`govuk-input__{{ type }}` in govuk's input template,
 * `govuk-input--width-${q.width}` in `text.ts`) never appears whole: every class with that prefix is
 * kept.
 */
function builtClassPrefixes(sources: string[]): RegExp[] {
  const prefixes = new Set(
    sources.flatMap((text) =>
      [...text.matchAll(/(govuk-[\w!-]*[-_])(?:\{\{|\$\{|["']\s*[+~])/g)].map(([, p = '']) => p),
    ),
  );
  return [...prefixes].sort().map((p) => new RegExp(`^${p}`));
}

/** Words that can be class names: govuk's override classes contain `!` (`govuk-!-margin-bottom-9`). */
const extractWords = (content: string): string[] => content.match(/[\w!-]+/g) ?? [];

function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The govuk-frontend templates a template imports (`{% from "govuk/components/x/macro.njk" ... %}`). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/\{%-?\s*from\s+["']([^"']+)["']/g)].flatMap(([, name = '']) => {
    const resolved = name.startsWith('govuk/')
      ? path.join(GOVUK_DIST, name)
      : name.startsWith('.')
        ? path.resolve(path.dirname(file), name)
        : undefined;
    if (!resolved?.startsWith(GOVUK)) return [];
    // A component's macro.njk only forwards to its template.njk, which holds the markup.
    return [resolved.replace(/macro\.njk$/, 'template.njk')];
  });
}

/** `govukDateInput` → `date-input`: the folder of a macro named in TypeScript. */
function componentOfMacro(macro: string): string {
  return macro
    .replace(/^govuk/, '')
    .replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c}`.toLowerCase());
}

/**
 * The govuk-frontend templates pages can render: those the views import, the ones named as `macro`
 * in the question types, and everything those import in turn. govuk's page template is searched for
 * its own classes, but its imports are not followed: the layout replaces the header and footer
 * blocks that call them.
 */
function govukTemplatesInUse(): string[] {
  const named = filesUnder(path.join(ROOT, 'src'), '.ts').flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/macro:\s*'(govuk\w+)'/g)].map(([, macro = '']) =>
      path.join(GOVUK, 'components', componentOfMacro(macro), 'template.njk'),
    ),
  );
  const found = new Set<string>();
  const queue = [...filesUnder(path.join(ROOT, 'views'), '.njk').flatMap(importsOf), ...named];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (found.has(file) || !fs.existsSync(file)) continue;
    found.add(file);
    queue.push(...importsOf(file));
  }
  return [path.join(GOVUK, 'template.njk'), ...[...found].sort()];
}

/** The JavaScript modules of the components in use: the classes they add to the page at run time. */
function componentScripts(templates: string[]): string[] {
  return templates
    .map((file) => path.join(path.dirname(file), `${path.basename(path.dirname(file))}.mjs`))
    .filter((file) => fs.existsSync(file));
}

/**
 * govuk-frontend's CSS without its fonts: the GDS Transport font is for GOV.UK only. Its @font-face
 * rules go, and so does every `font-family` it sets (GDS Transport on screen, sans-serif in print, on
 * some sixty selectors, a few more specific than one class): `assets/app.css` sets the system stack
 * once, on the root, and everything inherits it.
 */
function govukCss(): string {
  return (
    fs
      .readFileSync(path.join(GOVUK, 'govuk-frontend.min.css'), 'utf8')
      .replace(/@font-face\{[^}]*\}/g, '')
      .replace(/font-family:[^;}]*;?/g, '')
      // Rules left empty, then the print blocks that held only those (a comment before one goes too).
      .replace(/(^|[{};])[^{};]+\{\}/g, '$1')
      .replace(/(^|[{};])[^{};]+\{\}/g, '$1')
      .replace(/\/\*# sourceMappingURL=[^*]*\*\//, '')
  );
}

/** `assets/app.css` without comments and indentation. */
function appCss(): string {
  return fs
    .readFileSync(path.join(ROOT, 'assets', 'app.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*([{}:;,])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/;\}/g, '}')
    .trim();
}

/** Every file whose words may be class names on a page, as PurgeCSS content. */
function content(): RawContent[] {
  const templates = govukTemplatesInUse();
  const files = [
    ...filesUnder(path.join(ROOT, 'views'), '.njk'),
    ...templates,
    ...componentScripts(templates),
    ...filesUnder(path.join(ROOT, 'src'), '.ts'),
  ];
  return files.map((file) => ({
    raw: fs.readFileSync(file, 'utf8'),
    extension: path.extname(file).slice(1),
  }));
}

/** The stylesheet as it should be now: what `npm run build:css` writes. */
export async function buildCss(): Promise<string> {
  const files = content();
  const [result] = await new PurgeCSS().purge({
    content: files,
    css: [{ raw: `${govukCss()}\n${appCss()}` }],
    defaultExtractor: extractWords,
    safelist: { standard: builtClassPrefixes(files.map((file) => file.raw)) },
  });
  return `${(result?.css ?? '').trim()}\n`;
}

/**
 * The stylesheet mirrored for right-to-left pages by rtlcss: left and right swapped in positions,
 * margins, paddings, borders and transforms (govuk-frontend has no right-to-left support of its own).
 */
export function buildRtlCss(css: string): string {
  return `${rtlcss.process(css).trim()}\n`;
}

async function main(): Promise<void> {
  const css = await buildCss();
  fs.mkdirSync(path.dirname(BUILT_CSS), { recursive: true });
  fs.writeFileSync(BUILT_CSS, css);
  const rtl = buildRtlCss(css);
  fs.writeFileSync(BUILT_RTL_CSS, rtl);
  for (const [file, text] of [
    [BUILT_CSS, css],
    [BUILT_RTL_CSS, rtl],
  ] as const) {
    console.log(`wrote ${path.relative(process.cwd(), file)} (${text.length} bytes)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
