import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import type { CivicFormsApp } from '../../../src/web/app';
import { testApp, tempDataDir, Visitor } from '../../support/agent';
import { sendFrom, startCall } from '../../support/assisted-journey';
import { addAccount, signIn } from '../../support/caseworker';
import {
  answerWrongly,
  callerWithCar,
  FORM,
  noVehicleToCheckAnswers,
  paperArrived,
  sendOnline,
} from '../../support/kpi-scenario';
import {
  chooseSecret,
  DATE_OF_BIRTH,
  MEMORABLE_WORD,
  pressSave,
  resumeWith,
} from '../../support/save-and-return';

const TOKEN = 'metrics-token-for-the-privacy-test';
// Answers (right and wrong) and secrets no word of the service contains, one set per channel.
const CALLER = { name: 'Zenobia Quartermaine-Ffoulkes', phone: '01632 960 218' };
const WRONG_CALLER_PHONE = 'QX-ZENOBIA-7781';
const PAPER = { name: 'Tobiah Marchbanks-Quennell', phone: '01632 960 553' };
const WRONG_PAPER_PHONE = 'QX-TOBIAH-5531';
const SAVER = { name: 'Ottoline Farrowdale-Vasquez', phone: '01632 960 884' };
const PICKED_UP = { name: 'Peregrine Whitlock-Amadi', phone: '01632 960 119' };
const SECRETS = ['Blue  Heron', 'blue heron', 'BLUE HERON', '1985-03-27'];
const ANSWERS = [CALLER, PAPER, SAVER, PICKED_UP].flatMap(({ name, phone }) => [
  name,
  name.split(' ')[1] as string,
  phone,
  phone.replace(/ /g, ''),
]);
const WRONG = [WRONG_CALLER_PHONE, WRONG_PAPER_PHONE, 'ZENOBIA', 'TOBIAH', 'CF101AA'];

/** Someone's first pages online; returns the vehicle question's URL. */
async function firstPagesAs(visitor: Visitor, person: { name: string; phone: string }) {
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': person.name });
  return visitor.answer(at, { phone: person.phone, email: '' });
}

jest.setTimeout(60_000);

describe('privacy of the KPIs in every channel', () => {
  let app: CivicFormsApp;
  let dataDir: string;
  const shown: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = testApp({ dataDir, metricsToken: TOKEN });
    // Saved online, resumed on another device, sent.
    const saver = new Visitor(app);
    const save = await pressSave(saver, await firstPagesAs(saver, SAVER), { 'has-vehicles': 'no' });
    const code = await chooseSecret(saver, save, MEMORABLE_WORD);
    const otherDevice = new Visitor(app);
    await resumeWith(otherDevice, code, MEMORABLE_WORD);
    await noVehicleToCheckAnswers(otherDevice, `${FORM}/has-vehicles`);
    await sendOnline(otherDevice, '4');
    // Saved online, picked up by a caseworker (phone-assisted), sent.
    const caller = new Visitor(app);
    const pickUpSave = await pressSave(caller, await firstPagesAs(caller, PICKED_UP), {
      'has-vehicles': 'yes',
    });
    const pickUpCode = await chooseSecret(caller, pickUpSave, DATE_OF_BIRTH);
    await addAccount(app.store, 'sian.evans');
    const sian = new Visitor(app);
    await signIn(sian, 'sian.evans');
    await sian.get('/caseworker/pick-up');
    await sian.post('/caseworker/pick-up', { 'resume-code': pickUpCode, ...DATE_OF_BIRTH });
    const registration = '/caseworker/call/parking-permit/vehicles/1/registration';
    await sendFrom(sian, await callerWithCar(sian, registration, 'petrol'));
    // A phone call, with a wrong phone number and a registration that is too long first.
    let at = await sian.answer(await startCall(sian, 'cy'), { 'live-in-zone': 'yes' });
    at = await sian.answer(at, { 'full-name': CALLER.name });
    await answerWrongly(sian, at, { phone: WRONG_CALLER_PHONE, email: 'zenobia@' });
    at = await sian.answer(at, { phone: CALLER.phone, email: '' });
    at = await sian.answer(at, { 'has-vehicles': 'yes' });
    await answerWrongly(sian, at, { registration: 'ZENOBIA 77 CF10' });
    await sendFrom(sian, await callerWithCar(sian, at, 'electric'));
    // A paper form keyed in, with a wrong phone number first.
    at = await sian.answer(await paperArrived(sian, 'en'), { 'live-in-zone': 'yes' });
    at = await sian.answer(at, { 'full-name': PAPER.name });
    await answerWrongly(sian, at, { phone: WRONG_PAPER_PHONE, email: '' });
    at = await sian.answer(at, { phone: PAPER.phone, email: '' });
    await sendFrom(sian, await noVehicleToCheckAnswers(sian, at));

    await addAccount(app.store, 'dana.hughes', { role: 'service-team' });
    const team = new Visitor(app);
    await signIn(team, 'dana.hughes');
    for (const url of ['/dashboard', '/dashboard/parking-permit', '.csv', '.json']) {
      const full = url.startsWith('.') ? `/dashboard/parking-permit${url}` : url;
      const response = await team.get(full);
      expect([full, response.status]).toEqual([full, 200]);
      shown[full] = response.text;
    }
    const metrics = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(metrics.status).toBe(200);
    shown['/metrics'] = metrics.text;
    await app.close();
  }, 120_000);

  it('counted the four journeys, so there were figures to leak from', () => {
    const report = JSON.parse(shown['/dashboard/parking-permit.json'] ?? '{}') as {
      figures: { starts: number; completions: number };
      errors: unknown[];
    };
    expect([report.figures.starts, report.figures.completions]).toEqual([4, 4]);
    expect(report.errors).toHaveLength(3);
  });

  it('keeps no answer, right or wrong, and no secret in the database but the submissions', () => {
    // Every table and index but the submissions, drafts and sessions, compacted so nothing
    // deleted lingers in free pages: journey events, ratings, audit trail, resume codes...
    const copy = path.join(dataDir, 'without-answers.sqlite');
    const whole = path.join(dataDir, 'with-answers.sqlite');
    const db = new Database(path.join(dataDir, 'civic-forms.sqlite'));
    db.exec(`VACUUM INTO '${copy}'; VACUUM INTO '${whole}'`);
    db.close();
    // The scan finds answers where they belong: the submissions of all four channels.
    const all = fs.readFileSync(whole).toString('latin1');
    for (const { name } of [CALLER, PAPER, SAVER, PICKED_UP]) expect(all).toContain(name);
    const stripped = new Database(copy);
    stripped.exec('DELETE FROM submissions; DELETE FROM drafts; DELETE FROM sessions; VACUUM;');
    stripped.close();
    const bytes = fs.readFileSync(copy).toString('latin1');
    for (const value of [...ANSWERS, ...WRONG, ...SECRETS]) {
      expect(`${value}: ${bytes.includes(value) ? 'found' : 'absent'}`).toBe(`${value}: absent`);
    }
  });

  it('shows no answer on the dashboard, in the exports or on /metrics', () => {
    for (const [url, text] of Object.entries(shown)) {
      for (const value of [...ANSWERS, ...WRONG, ...SECRETS]) {
        expect(`${url}: ${text.includes(value) ? value : 'clean'}`).toBe(`${url}: clean`);
      }
    }
  });

  it('gives staff journeys anonymous ids: no transaction id is a journey id', () => {
    const db = new Database(path.join(dataDir, 'civic-forms.sqlite'), { readonly: true });
    const column = (sql: string) =>
      (db.prepare(sql).all() as Array<{ id: string }>).map((r) => r.id);
    const journeys = column('SELECT DISTINCT journey_id AS id FROM journey_events');
    const channels = column('SELECT DISTINCT channel AS id FROM journey_events ORDER BY 1');
    const transactions = column('SELECT transaction_id AS id FROM submissions');
    db.close();
    expect(channels).toEqual(['online', 'paper', 'phone', 'phone-assisted']);
    expect(journeys).toHaveLength(4);
    for (const transaction of transactions) {
      const bare = transaction.replace(/-/g, '');
      for (const journey of journeys) {
        expect(journey).not.toContain(bare);
        expect(bare).not.toContain(journey);
      }
    }
  });
});
