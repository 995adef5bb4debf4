import type { SelectQuestion } from '../../src/definition/types';
import { select } from '../../src/questions/select';
import { parseContext, viewContext, wordsOf } from './context';

const council: SelectQuestion = {
  id: 'council',
  type: 'select',
  label: 'Your local council',
  options: [
    { value: 'leeds', text: 'Leeds City Council' },
    { value: 'york', text: 'City of York Council' },
  ],
};

const post = (posted: string, q: SelectQuestion = council) =>
  select.parse(q, { council: posted }, parseContext);

describe('select', () => {
  it('stores the chosen value', () => {
    expect(post('york')).toEqual({ value: 'york', errors: [], raw: { council: 'york' } });
  });

  it('asks for a choice when none is made or the value is not offered', () => {
    for (const posted of ['', 'bradford']) {
      const { value, errors } = post(posted);
      expect(value).toBeUndefined();
      expect(errors).toEqual([{ questionId: 'council', field: 'council', code: 'required' }]);
      expect(wordsOf(council, errors)).toEqual(['Select your local council']);
    }
    expect(post('', { ...council, optional: true }).errors).toEqual([]);
  });

  it('renders a first empty choice, then the options with the answer selected', () => {
    const call = select.view(council, select.toRaw(council, 'york'), viewContext());
    expect(call.macro).toBe('govukSelect');
    expect(call.params).toMatchObject({
      id: 'council',
      name: 'council',
      label: { text: 'Your local council', isPageHeading: true },
    });
    expect(call.params.items).toEqual([
      { value: '', text: 'Choose an option', selected: false },
      { value: 'leeds', text: 'Leeds City Council', selected: false },
      { value: 'york', text: 'City of York Council', selected: true },
    ]);
  });

  it('selects the empty choice when nothing was chosen', () => {
    const call = select.view(council, select.toRaw(council, undefined), viewContext());
    expect(call.params.items).toMatchObject([{ value: '', selected: true }, {}, {}]);
  });

  it('shows the option text on check answers', () => {
    expect(select.summary(council, 'york', viewContext())).toEqual(['City of York Council']);
  });
});
