import { createViews } from '../../src/web/views';
import { numbersKeptWhole } from '../../src/web/numbers-kept-whole';

describe('numbersKeptWhole', () => {
  it('keeps each phone number of a sentence on one line, and lets the words around them wrap', () => {
    expect(String(numbersKeptWhole('18001 y después 0306 999 0456'))).toBe(
      '<span class="cf-nowrap">18001</span> y después <span class="cf-nowrap">0306 999 0456</span>',
    );
    expect(String(numbersKeptWhole('\u200e18001 ثم \u200e+44 306 999 0456'))).toBe(
      '\u200e<span class="cf-nowrap">18001</span> ثم \u200e<span class="cf-nowrap">+44 306 999 0456</span>',
    );
  });

  it('escapes the text around the numbers', () => {
    expect(String(numbersKeptWhole('<b>Ring</b> 0300 & "ask"'))).toBe(
      '&#60;b&#62;Ring&#60;/b&#62; <span class="cf-nowrap">0300</span> &#38; &#34;ask&#34;',
    );
  });

  it('is the views’ numbersKeptWhole filter, its markup not escaped again', () => {
    const html = createViews().renderString('{{ relay | numbersKeptWhole }}', {
      relay: '18001 then <0306 999 0456>',
    });
    expect(html).toBe(
      '<span class="cf-nowrap">18001</span> then &#60;<span class="cf-nowrap">0306 999 0456</span>&#62;',
    );
  });
});
