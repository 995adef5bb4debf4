import { contrastRatio, relativeLuminance } from '../../src/agency/contrast';

describe('WCAG contrast', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#00594f', '#00594f')).toBeCloseTo(1, 5);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
  });

  it('puts #767676 just over 4.5:1 with white and #777777 just under, as WebAIM does', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('is the same whichever colour is given first', () => {
    expect(contrastRatio('#ffffff', '#1d70b8')).toBe(contrastRatio('#1d70b8', '#ffffff'));
  });
});
