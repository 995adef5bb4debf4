import { formatProblem } from '../../src/definition/problem';
import { checkFormDestinations } from '../../src/delivery/form-destinations';
import { NO_DESTINATIONS } from '../../src/delivery/load-destinations';
import type { Destination, DestinationsConfig } from '../../src/delivery/destination';

const configured: DestinationsConfig = {
  ...NO_DESTINATIONS,
  destinations: new Map<string, Destination>([
    ['housing-pull', { id: 'housing-pull', type: 'pull-api' }],
    [
      'housing-webhook',
      {
        id: 'housing-webhook',
        type: 'webhook',
        url: 'https://housing.example.gov.uk/hook',
        secret: `whsec_${Buffer.alloc(32).toString('base64')}`,
        includePdf: false,
        timeoutMs: 10_000,
      },
    ],
  ]),
};
const FILE = 'forms/report-housing-repair.json';

describe('checkFormDestinations', () => {
  it('accepts a form naming destinations the operator configured, or naming none', () => {
    const form = { id: 'report-housing-repair', destinations: ['housing-webhook', 'housing-pull'] };
    expect(checkFormDestinations(form, FILE, configured)).toEqual([]);
    expect(checkFormDestinations({ id: 'report-housing-repair' }, FILE, NO_DESTINATIONS)).toEqual(
      [],
    );
  });

  it('reports an unknown destination as a definition problem, with the likely one', () => {
    const form = { id: 'report-housing-repair', destinations: ['housing-pull', 'housing-webhok'] };
    expect(checkFormDestinations(form, FILE, configured).map(formatProblem)).toEqual([
      'forms/report-housing-repair.json: destinations[1]: is "housing-webhok", which is not a destination the service has (expected one of housing-pull, housing-webhook); did you mean "housing-webhook"?',
    ]);
  });

  it('says when the service has no destinations file at all', () => {
    const form = { id: 'report-housing-repair', destinations: ['housing-webhook'] };
    expect(checkFormDestinations(form, FILE, NO_DESTINATIONS).map(formatProblem)).toEqual([
      'forms/report-housing-repair.json: destinations[0]: is "housing-webhook", which is not a destination the service has (expected a destination from the destinations file (DESTINATIONS_FILE), which names none)',
    ]);
  });
});
