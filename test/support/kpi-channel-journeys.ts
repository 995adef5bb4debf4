import type { CivicFormsApp } from '../../src/web/app';
import { Visitor } from './agent';
import { sendFrom, startCall } from './assisted-journey';
import { addAccount, signIn } from './caseworker';
import {
  answerWrongly,
  callerWithCar,
  clockFrom,
  firstPages,
  FORM,
  noVehicleToCheckAnswers,
  paperArrived,
  sendOnline,
  startDate,
} from './kpi-scenario';
import {
  chooseSecret,
  DATE_OF_BIRTH,
  MEMORABLE_WORD,
  pressSave,
  resumeWith,
} from './save-and-return';

const PHONE = { phone: '029 2018 0417', email: '' };
const PICKED_UP_AT = '/caseworker/call/parking-permit/vehicles/1/registration';

/**
 * Eleven journeys through the HTTP pages, on a clock set `minutes` after `t0` at each step, in
 * every channel and two languages (docs/kpis.md lists what each counts for):
 * Amara (en) sends in 4 minutes, rates 5. Carys (cy) gets 3 errors, sends in 6 minutes, rates 2.
 * Tomasz (en) gets 1 error, reaches the exit page in 1 minute. Bea (en) gets 2 errors on contact
 * and leaves. Olu (cy) looks at the first question and leaves. Dewi (cy) saves, resumes on another
 * device and sends 63 minutes after starting, rates 4. Efa (en) saves and never comes back. Gwen
 * (en) saves; a caseworker picks her form up and sends it 83 minutes after she started. A
 * caseworker takes a call in English the caller leaves on the first question, a call in Welsh
 * (1 error, sent in 8 minutes) and keys in an English paper form (1 error, sent in 12 minutes),
 * the call and the paper interleaved in one session.
 */
export async function scriptJourneys(app: CivicFormsApp, t0: number): Promise<void> {
  const at = clockFrom(t0);

  at(0);
  const amara = new Visitor(app);
  await amara.get(`${FORM}?lang=en`);
  await noVehicleToCheckAnswers(amara, await firstPages(amara, FORM, 'Amara Okafor'));
  at(4);
  await sendOnline(amara, '5');

  at(10);
  const carys = new Visitor(app);
  await carys.get(`${FORM}?lang=cy`);
  let url = await carys.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at(11);
  await answerWrongly(carys, url, { 'full-name': '' });
  url = await carys.answer(url, { 'full-name': 'Carys Llywelyn' });
  await answerWrongly(carys, url, { phone: 'not a number', email: '' });
  await answerWrongly(carys, url, { phone: '12', email: '' });
  await noVehicleToCheckAnswers(carys, await carys.answer(url, PHONE));
  at(16);
  await sendOnline(carys, '2');

  at(20);
  const tomasz = new Visitor(app);
  await answerWrongly(tomasz, `${FORM}/live-in-zone`, {});
  const exit = await tomasz.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'no' });
  at(21);
  await tomasz.get(exit);
  await tomasz.get(exit);

  at(25);
  const bea = new Visitor(app);
  url = await bea.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  url = await bea.answer(url, { 'full-name': 'Beatriz Sousa' });
  at(26);
  await answerWrongly(bea, url, { phone: 'call me maybe', email: 'bea@' });

  at(30);
  const olu = new Visitor(app);
  await olu.get(`${FORM}?lang=cy`);
  await olu.get(`${FORM}/live-in-zone`);
  at(31);
  await olu.get(`${FORM}/live-in-zone`);

  at(40);
  const dewi = new Visitor(app);
  await dewi.get(`${FORM}?lang=cy`);
  url = await firstPages(dewi, FORM, 'Dewi Pritchard');
  at(43);
  const dewiCode = await chooseSecret(
    dewi,
    await pressSave(dewi, url, { 'has-vehicles': 'no' }),
    MEMORABLE_WORD,
  );
  at(50);
  const efa = new Visitor(app);
  url = await firstPages(efa, FORM, 'Efa Jones');
  at(52);
  await chooseSecret(efa, await pressSave(efa, url, { 'has-vehicles': 'yes' }), MEMORABLE_WORD);

  at(60);
  const gwen = new Visitor(app);
  url = await firstPages(gwen, FORM, 'Gwen Morgan');
  at(63);
  const gwenCode = await chooseSecret(
    gwen,
    await pressSave(gwen, url, { 'has-vehicles': 'yes' }),
    DATE_OF_BIRTH,
  );

  at(100);
  const dewiPhone = new Visitor(app);
  const resumed = await resumeWith(dewiPhone, dewiCode, MEMORABLE_WORD, '/resume?lang=cy');
  if (resumed.headers.location !== `${FORM}/start-date`) throw new Error('Dewi did not resume');
  await dewiPhone.get(await dewiPhone.answer(`${FORM}/start-date`, startDate()));
  at(103);
  await sendOnline(dewiPhone, '4');

  at(120);
  await addAccount(app.store, 'sian.evans');
  const sian = new Visitor(app);
  await signIn(sian, 'sian.evans');
  at(121);
  await sian.get(await startCall(sian, 'en'));
  at(122);
  const call = await startCall(sian, 'cy');
  await sian.get(call);
  at(123);
  const paper = await paperArrived(sian, 'en');
  await sian.get(paper);
  at(124);
  url = await sian.answer(call, { 'live-in-zone': 'yes' });
  url = await sian.answer(url, { 'full-name': 'Rhiannon Price' });
  at(125);
  await answerWrongly(sian, url, { phone: 'not a number', email: '' });
  url = await sian.answer(await sian.answer(url, PHONE), { 'has-vehicles': 'yes' });
  url = await callerWithCar(sian, url, 'electric');
  at(130);
  await sendFrom(sian, url);
  at(131);
  url = await sian.answer(paper, { 'live-in-zone': 'yes' });
  await answerWrongly(sian, url, { 'full-name': '' });
  url = await sian.answer(url, { 'full-name': 'Idris Bowen' });
  url = await noVehicleToCheckAnswers(sian, await sian.answer(url, PHONE));
  at(135);
  await sendFrom(sian, url);

  at(140);
  await sian.get('/caseworker/pick-up');
  const opened = await sian.post('/caseworker/pick-up', {
    'resume-code': gwenCode,
    ...DATE_OF_BIRTH,
  });
  if (opened.status !== 303) throw new Error(`picking up gave ${opened.status}`);
  const soFar = await sian.get('/caseworker/pick-up/parking-permit');
  if (!soFar.text.includes(`href="${PICKED_UP_AT}"`)) throw new Error('no way on after pick-up');
  url = await callerWithCar(sian, PICKED_UP_AT, 'petrol');
  at(143);
  await sendFrom(sian, url);
}
