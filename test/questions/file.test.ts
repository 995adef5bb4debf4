import type { FileQuestion } from '../../src/definition/types';
import { errorText } from '../../src/questions/error-text';
import { file } from '../../src/questions/file';
import { readAloudScript } from '../../src/caseworker/read-aloud-script';
import type { FileProblem } from '../../src/uploads/file-problem';
import type { StoredFile } from '../../src/uploads/stored-file';
import { createI18n, translator } from '../../src/web/i18n';
import { parseContext } from './context';

const i18n = createI18n();
const en = translator(i18n, 'en');
const cy = translator(i18n, 'cy');
const ar = translator(i18n, 'ar');

const photos: FileQuestion = {
  id: 'damp-photos',
  type: 'file',
  label: 'Add photos of the damp',
  errorLabel: 'a photo of the damp',
  hint: 'Take them in daylight if you can.',
  minFiles: 1,
  maxFiles: 3,
  accept: ['jpeg', 'png', 'heic'],
  maxSizeMB: 8,
};

const kitchen: StoredFile = {
  id: '4b1e2a7c-0d5f-4c51-9a8e-2f6b3c1d9e70',
  name: 'IMG_0042.jpg',
  size: 312_000,
  kind: 'jpeg',
  sha256: 'a'.repeat(64),
};
const bathroom: StoredFile = {
  id: '9c3d5e7f-1a2b-4c6d-8e0f-1a2b3c4d5e6f',
  name: 'ستارة الحمام.heic',
  size: 2_621_440,
  kind: 'heic',
  sha256: 'b'.repeat(64),
};

const parse = (
  files: StoredFile[],
  problems: FileProblem[] = [],
  q: FileQuestion = photos,
  lang = 'en',
) => file.parse(q, { [q.id]: { files, problems } }, { ...parseContext, lang });
const words = (result: ReturnType<typeof parse>, t = en, lang = 'en', q = photos) =>
  result.errors.map((error) => errorText(q, error, t, lang));

describe('file', () => {
  it('keeps the stored files as the answer', () => {
    expect(parse([kitchen, bathroom])).toMatchObject({ value: [kitchen, bathroom], errors: [] });
  });

  it('asks for a file when there is none, unless optional', () => {
    const none = parse([]);
    expect(none.value).toBeUndefined();
    expect(words(none)).toEqual(['Select a photo of the damp']);
    expect(parse([], [], { ...photos, optional: true })).toMatchObject({
      value: undefined,
      errors: [],
    });
  });

  it('counts the files against the fewest and the most', () => {
    expect(words(parse([kitchen], [], { ...photos, minFiles: 2 }))).toEqual([
      'Select at least 2 files',
    ]);
    expect(words(parse([kitchen, bathroom], [], { ...photos, maxFiles: 1 }))).toEqual([
      'You can only select 1 file',
    ]);
  });

  it('gives the first problem in the GOV.UK order, naming the file, the size and the kinds', () => {
    const result = parse(
      [kitchen],
      [
        { field: 'damp-photos', code: 'infected', name: 'a.jpg' },
        { field: 'damp-photos', code: 'wrongType', name: 'b.gif' },
        { field: 'damp-photos', code: 'tooBig', name: 'c.jpg' },
        { field: 'other-question', code: 'empty', name: 'd.jpg' },
      ],
    );
    // The files already given stay the answer while the refused one is reported.
    expect(result.value).toEqual([kitchen]);
    expect(words(result)).toEqual(['The file ‘c.jpg’ must be smaller than 8 MB']);
    expect(words(parse([], [{ field: 'damp-photos', code: 'wrongType', name: 'b.gif' }]))).toEqual([
      'The file ‘b.gif’ must be a JPG, PNG or HEIC',
    ]);
    const welsh = parse(
      [],
      [{ field: 'damp-photos', code: 'wrongType', name: 'b.gif' }],
      photos,
      'cy',
    );
    expect(words(welsh, cy, 'cy')).toEqual([expect.stringContaining('JPG, PNG neu HEIC')]);
  });

  it('ignores anything posted as text under its name: only the upload route makes files', () => {
    const forged = file.parse(photos, { 'damp-photos': JSON.stringify([kitchen]) }, parseContext);
    expect(forged.value).toBeUndefined();
    expect(forged.errors).toMatchObject([{ code: 'required' }]);
  });

  it('shows the input, its limits, and the files already given with a Remove button each', () => {
    const call = file.view(photos, file.toRaw(photos, [kitchen, bathroom]), {
      t: en,
      lang: 'en',
      isPageHeading: true,
    });
    expect(call.macro).toBe('govukFileUpload');
    expect(call.params).toMatchObject({
      id: 'damp-photos',
      name: 'damp-photos',
      multiple: true,
      label: { text: 'Add photos of the damp', isPageHeading: true },
      hint: {
        text: 'Take them in daylight if you can. Up to 3 files, each a JPG, PNG or HEIC of up to 8 MB.',
      },
      attributes: {
        accept: 'image/jpeg,.jpg,image/png,.png,image/heic,.heic,.jpeg',
        'data-max-dimension': '2000',
      },
    });
    expect(call.files).toEqual({
      heading: 'Files you have added',
      upload: 'Upload file',
      items: [
        { id: kitchen.id, name: 'IMG_0042.jpg', details: '305 kB, JPG', remove: 'Remove' },
        { id: bathroom.id, name: 'ستارة الحمام.heic', details: '2.5 MB, HEIC', remove: 'Remove' },
      ],
    });
  });

  it('has no Upload button when one file is the most: Continue sends it', () => {
    const one = { ...photos, maxFiles: 1, minFiles: undefined };
    const call = file.view(one, file.toRaw(one, undefined), {
      t: en,
      lang: 'en',
      isPageHeading: true,
    });
    expect(call.files?.upload).toBeUndefined();
    expect(call.params.multiple).toBe(false);
  });

  it('lists each file on check answers: name, size and type, in the language', () => {
    expect(file.summary(photos, [kitchen, bathroom], { t: en, lang: 'en' })).toEqual([
      'IMG_0042.jpg (305 kB, JPG)',
      'ستارة الحمام.heic (2.5 MB, HEIC)',
    ]);
    expect(file.summary(photos, [kitchen], { t: ar, lang: 'ar' })).toEqual([
      'IMG_0042.jpg (305 كيلوبايت، JPG)',
    ]);
  });

  it('tells a person on paper what to enclose', () => {
    expect(file.paper(photos, { t: en, lang: 'en' })).toEqual([
      {
        kind: 'tick',
        instruction:
          'Send up to 3 copies with this form: photocopies or printed photos. Write your name on the back of each.',
        multiple: false,
        options: [{ text: 'I have enclosed them' }],
      },
    ]);
  });

  it('tells the caseworker the caller can send it by email or post', () => {
    const script = readAloudScript({ id: 'damp-photos', questions: [photos] }, en);
    expect(script.questions).toEqual([
      {
        label: 'Add photos of the damp',
        hint: 'Take them in daylight if you can.',
        instruction:
          'The caller can send this to us by email or by post. Tell them we will add it to their application when it arrives.',
      },
    ]);
  });
});
