import { agencyFigures } from '../../src/kpi/agency-figures';
import type { Figures } from '../../src/kpi/figures';

/** A form's figures with the counts that matter here; the rest as a form with no journeys has. */
function form(starts: number, startedAndCompleted: number, digital: number, all: number): Figures {
  return {
    starts,
    completions: all,
    urgentExits: 0,
    noFixedAddress: 0,
    startedAndCompleted,
    completionRate: starts === 0 ? null : startedAndCompleted / starts,
    saved: 0,
    resumed: 0,
    expired: 0,
    timeToComplete: { count: 0, medianMs: null, p90Ms: null },
    digitalTakeUp: { digital, all, rate: all === 0 ? null : digital / all },
    satisfaction: { rate: null, responses: 0, byRating: [0, 0, 0, 0, 0] } as never,
    cost: { perTransaction: null, total: null, missing: [], currency: 'GBP' } as never,
  };
}

describe('agencyFigures', () => {
  it("works the rates out again from the forms' counts, so a busy form weighs by its journeys", () => {
    // 90 of 100 started on one form, 0 of 10 on another: 90 of 110, never the mean of 90% and 0%.
    const figures = agencyFigures([form(100, 90, 80, 90), form(10, 0, 0, 0)]);
    expect(figures).toEqual({
      forms: 2,
      starts: 110,
      completions: 90,
      startedAndCompleted: 90,
      completionRate: 90 / 110,
      digitalTakeUp: { digital: 80, all: 90, rate: 80 / 90 },
    });
  });

  it('has no rate without starts or completions, and no forms at all is all zeros', () => {
    expect(agencyFigures([form(0, 0, 0, 0)])).toMatchObject({
      completionRate: null,
      digitalTakeUp: { rate: null },
    });
    expect(agencyFigures([])).toEqual({
      forms: 0,
      starts: 0,
      completions: 0,
      startedAndCompleted: 0,
      completionRate: null,
      digitalTakeUp: { digital: 0, all: 0, rate: null },
    });
  });
});
