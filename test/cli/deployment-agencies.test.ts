import { deploymentAgencies } from '../../src/cli/deployment-agencies';

// The commands read the example deployment: forms/ and agencies/ beside it (FORMS_DIR's default).
describe('deploymentAgencies, as the commands see the example deployment', () => {
  const deployment = deploymentAgencies();

  it("names a form's agency in the language asked, and in the agency's own when it lacks that one", () => {
    expect(deployment?.nameOf('report-housing-repair', 'en')).toBe('Northbrook Housing Service');
    expect(deployment?.nameOf('report-housing-repair', 'cy')).toBe('Gwasanaeth Tai Northbrook');
    expect(deployment?.nameOf('council-tax-reduction', 'ar')).toBe('مجلس نورثبروك');
    expect(deployment?.nameOf('council-tax-reduction', 'fr')).toBe('Northbrook Council');
    // A form no agency lists is the default agency's, which has no file here: the framework names it.
    expect(deployment?.nameOf('not-listed-anywhere', 'en')).toBeUndefined();
  });

  it("gives each agency's forms: those its file lists, or for the default agency all but the others'", () => {
    expect(deployment?.formsOf('northbrook-council')).toEqual({
      only: ['council-tax-reduction', 'register-change-of-address'],
    });
    expect(deployment?.formsOf('northbrook-housing')).toEqual({ only: ['report-housing-repair'] });
    expect(deployment?.formsOf('default')).toEqual({
      except: ['council-tax-reduction', 'register-change-of-address', 'report-housing-repair'],
    });
  });
});
