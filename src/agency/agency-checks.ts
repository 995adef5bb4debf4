import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../definition/problem';
import { AA_TEXT, contrastRatio } from './contrast';
import type { Agency, Translated } from './types';

/** The largest logo accepted: every first visit loads it, within the 30 KB page budget. */
export const LOGO_MAX_BYTES = 8 * 1024;

const WHITE = '#ffffff';

/** Every translated text of an agency, with its JSON path. */
function translatedTexts(agency: Agency): Array<[string, Translated]> {
  const texts: Array<[string, Translated]> = [
    ['name', agency.name],
    ['staffAreaName', agency.staffAreaName],
  ];
  if (agency.logo) texts.push(['logo.alt', agency.logo.alt]);
  agency.headerLinks.forEach((l, i) => texts.push([`headerLinks[${i}].text`, l.text]));
  agency.footerLinks.forEach((l, i) => texts.push([`footerLinks[${i}].text`, l.text]));
  if (agency.contact.hours) texts.push(['contact.hours', agency.contact.hours]);
  agency.accessibility.knownIssues.forEach((t, i) =>
    texts.push([`accessibility.knownIssues[${i}]`, t]),
  );
  return texts;
}

/** Each text must be given in every language the agency offers. */
function checkLanguages(agency: Agency, file: string, framework: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  agency.languages.forEach((lang, i) => {
    if (!framework.includes(lang))
      problems.push({
        file,
        path: `languages[${i}]`,
        message: `is "${lang}", a language civic-forms has no pages in`,
        expected: `one of ${framework.join(', ')}`,
      });
  });
  for (const [where, text] of translatedTexts(agency)) {
    const missing = agency.languages.filter((lang) => !text[lang]);
    if (missing.length > 0)
      problems.push({
        file,
        path: where,
        message: `has no text in ${missing.join(', ')}`,
        expected: `text in every language of "languages" (${agency.languages.join(', ')})`,
      });
  }
  return problems;
}

/** The brand colour is the header's background under white text: AA asks 4.5:1 of it. */
function checkContrast(agency: Agency, file: string): Problem[] {
  const ratio = contrastRatio(agency.brandColour, WHITE);
  if (ratio >= AA_TEXT) return [];
  return [
    {
      file,
      path: 'brandColour',
      message: `is "${agency.brandColour}", whose contrast with white is ${ratio.toFixed(2)}:1: the header's white text on it, and it on white, fail WCAG 2.2 AA`,
      expected: `a colour with at least ${AA_TEXT}:1 contrast with white (a darker shade)`,
    },
  ];
}

function looksLike(ext: string, body: Buffer): boolean {
  if (ext === '.png') return body.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'));
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(text);
}

/** The logo must be in the folder, be what its name says, small, and (an SVG) carry no script. */
function checkLogo(agency: Agency, file: string, dir: string): Problem[] {
  if (!agency.logo) return [];
  const where = 'logo.file';
  const logoFile = path.join(dir, agency.logo.file);
  let body: Buffer;
  try {
    body = fs.readFileSync(logoFile);
  } catch {
    return [
      {
        file,
        path: where,
        message: `is "${agency.logo.file}", which is not in ${dir}`,
        expected: "an SVG or PNG file in the agency's folder",
      },
    ];
  }
  const ext = path.extname(logoFile);
  if (!looksLike(ext, body))
    return [
      {
        file,
        path: where,
        message: `is "${agency.logo.file}", which is not a${ext === '.png' ? ' PNG' : 'n SVG'} image`,
        expected: `a file that is the image its name says`,
      },
    ];
  if (body.length > LOGO_MAX_BYTES)
    return [
      {
        file,
        path: where,
        message: `is "${agency.logo.file}", ${body.length} bytes`,
        expected: `at most ${LOGO_MAX_BYTES} bytes: every first visit loads it`,
      },
    ];
  if (ext === '.svg' && /<script|\son[a-z]+\s*=|javascript:|<foreignObject/i.test(body.toString()))
    return [
      {
        file,
        path: where,
        message: `is "${agency.logo.file}", an SVG with script or event handlers`,
        expected: 'a picture only',
      },
    ];
  return [];
}

/** The checks the schema cannot make: folder name, languages, contrast, logo file. */
export function checkAgency(
  agency: Agency,
  file: string,
  dir: string,
  framework: readonly string[],
): Problem[] {
  const folder = path.basename(dir);
  const idProblem: Problem[] =
    agency.id === folder
      ? []
      : [
          {
            file,
            path: 'id',
            message: `is "${agency.id}" but the folder is ${folder}`,
            expected: `"${folder}", the folder's name`,
          },
        ];
  return [
    ...idProblem,
    ...checkLanguages(agency, file, framework),
    ...checkContrast(agency, file),
    ...checkLogo(agency, file, dir),
  ];
}
