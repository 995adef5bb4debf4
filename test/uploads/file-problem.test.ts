import { FILE_PROBLEM_CODES, firstProblem } from '../../src/uploads/file-problem';

describe('firstProblem', () => {
  it('lists the codes in the GOV.UK order: no file, too big, wrong type, infected, scanner down', () => {
    const order = ['required', 'tooBig', 'wrongType', 'infected', 'scannerDown'].map((code) =>
      FILE_PROBLEM_CODES.indexOf(code as (typeof FILE_PROBLEM_CODES)[number]),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);
  });

  it('shows the earliest problem in that order, whatever order the files came in', () => {
    expect(
      firstProblem([
        { field: 'evidence', code: 'scannerDown', name: 'a.jpg' },
        { field: 'evidence', code: 'infected', name: 'b.pdf' },
        { field: 'evidence', code: 'tooBig', name: 'c.jpg' },
        { field: 'evidence', code: 'wrongType', name: 'd.gif' },
      ]),
    ).toEqual({ field: 'evidence', code: 'tooBig', name: 'c.jpg' });
  });

  it('of two problems of the same kind, shows the first file’s', () => {
    expect(
      firstProblem([
        { field: 'evidence', code: 'wrongType', name: 'first.gif' },
        { field: 'evidence', code: 'wrongType', name: 'second.gif' },
      ])?.name,
    ).toBe('first.gif');
  });

  it('gives nothing when there is no problem', () => {
    expect(firstProblem([])).toBeUndefined();
  });
});
