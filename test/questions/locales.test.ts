import errors from '../../locales/en/errors.json';
import type { QuestionTypeName } from '../../src/definition/types';
import { addressErrorCodes } from '../../src/questions/address';
import { checkboxesErrorCodes } from '../../src/questions/checkboxes';
import { dateErrorCodes } from '../../src/questions/date';
import { emailErrorCodes } from '../../src/questions/email';
import { fileErrorCodes } from '../../src/questions/file';
import { moneyErrorCodes } from '../../src/questions/money';
import { nameErrorCodes } from '../../src/questions/name';
import { numberErrorCodes } from '../../src/questions/number';
import { phoneErrorCodes } from '../../src/questions/phone';
import { radiosErrorCodes } from '../../src/questions/radios';
import { questionTypes } from '../../src/questions/registry';
import { selectErrorCodes } from '../../src/questions/select';
import { textErrorCodes } from '../../src/questions/text';
import { textareaErrorCodes } from '../../src/questions/textarea';
import { yesNoErrorCodes } from '../../src/questions/yes-no';
import { i18n } from './context';

const codesByType: Record<QuestionTypeName, readonly string[]> = {
  text: textErrorCodes,
  textarea: textareaErrorCodes,
  number: numberErrorCodes,
  money: moneyErrorCodes,
  email: emailErrorCodes,
  phone: phoneErrorCodes,
  date: dateErrorCodes,
  radios: radiosErrorCodes,
  checkboxes: checkboxesErrorCodes,
  select: selectErrorCodes,
  'yes-no': yesNoErrorCodes,
  name: nameErrorCodes,
  address: addressErrorCodes,
  file: fileErrorCodes,
};

/** Messages whose codes come from outside a question type (none since the file type came). */
const codesOutsideTypes: Record<string, readonly string[]> = {};

describe('locales/en/errors.json', () => {
  it('is checked against the error codes of every registered question type', () => {
    expect(Object.keys(codesByType).sort()).toEqual(Object.keys(questionTypes).sort());
  });

  it.each(Object.entries(codesByType))('has a message for every %s error code', (type, codes) => {
    const missing = codes.filter(
      (code) =>
        !i18n.exists(`errors:${type}.${code}`, { count: 1 }) ||
        !i18n.exists(`errors:${type}.${code}`, { count: 2 }),
    );
    expect(missing).toEqual([]);
  });

  it('has no message for a type or code that no module produces', () => {
    const unused = Object.entries(errors).flatMap(([type, messages]) => {
      const codes: readonly string[] =
        codesByType[type as QuestionTypeName] ?? codesOutsideTypes[type] ?? [];
      // Plural forms (`tooMany_other`) and contexts (`lineTooLong_town`) belong to their code.
      return Object.keys(messages)
        .filter((key) => !codes.includes(key.replace(/_.*$/, '')))
        .map((key) => `${type}.${key}`);
    });
    expect(unused).toEqual([]);
  });
});
