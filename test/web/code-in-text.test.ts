import { codeInText } from '../../src/web/code-in-text';

describe('codeInText', () => {
  it('cuts a sentence where its reference stands, in any language', () => {
    expect(codeInText('Your reference number is K7QM-3XPD-9C.', 'K7QM-3XPD-9C')).toEqual({
      before: 'Your reference number is ',
      code: 'K7QM-3XPD-9C',
      after: '.',
    });
    expect(codeInText('رقمك المرجعي هو K7QM-3XPD-9C. سأتهجّاه لك:', 'K7QM-3XPD-9C')).toEqual({
      before: 'رقمك المرجعي هو ',
      code: 'K7QM-3XPD-9C',
      after: '. سأتهجّاه لك:',
    });
  });

  it('gives nothing when the text does not hold the code, so the page shows the text as it is', () => {
    expect(codeInText('Form sent', 'K7QM-3XPD-9C')).toBeUndefined();
    expect(codeInText('Form sent', '')).toBeUndefined();
  });
});
