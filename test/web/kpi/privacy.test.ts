import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CivicFormsApp } from '../../../src/web/app';
import { addAccount, signIn } from '../../support/caseworker';
import { addDays } from '../../support/dates';
import { testApp, tempDataDir, Visitor } from '../../support/agent';

const FORM = '/parking-permit';
// Answers no word of the service contains, to look for where they must never go.
const NAME = 'Zephyrine Quillfeather-Abernathy';
const PHONE = '01632 960 417';
const WRONG_PHONE = 'QX-ZEPHYR-4417';
const COMMENT = 'Xanthippe liked the marmalade-coloured buttons';
const ANSWERS = [NAME, 'Quillfeather', PHONE, '01632960417', WRONG_PHONE, 'ZEPHYR'];

describe('privacy of the KPIs', () => {
  let app: CivicFormsApp;
  let dataDir: string;
  const exports: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = testApp({ dataDir });
    const visitor = new Visitor(app);
    let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    at = await visitor.answer(at, { 'full-name': NAME });
    await visitor.get(at);
    await visitor.post(at, { phone: WRONG_PHONE, email: '' });
    at = await visitor.answer(at, { phone: PHONE, email: '' });
    at = await visitor.answer(at, { 'has-vehicles': 'no' });
    const start = addDays(20);
    at = await visitor.answer(at, {
      'start-date-day': start.day,
      'start-date-month': start.month,
      'start-date-year': start.year,
    });
    await visitor.get(at);
    await visitor.post(at, {});
    await visitor.get(`${FORM}/confirmation`);
    await visitor.post(`${FORM}/feedback`, { rating: '4', comment: COMMENT });

    await addAccount(app.store, 'dana.hughes', { role: 'service-team' });
    const team = new Visitor(app);
    await signIn(team, 'dana.hughes');
    for (const url of [
      '/dashboard',
      '/dashboard/parking-permit',
      '/dashboard/parking-permit.csv',
      '/dashboard/parking-permit.json',
    ]) {
      const response = await team.get(url);
      expect(response.status).toBe(200);
      exports[url] = response.text;
    }
    await app.close();
  }, 120_000);

  it('keeps no answer anywhere in the database but the submission', () => {
    // A copy without the submission, the drafts and the sessions (where answers belong), compacted
    // so nothing deleted lingers in free pages: every other table and index, byte by byte.
    const copy = path.join(dataDir, 'without-answers.sqlite');
    const db = new Database(path.join(dataDir, 'civic-forms.sqlite'));
    db.exec(`VACUUM INTO '${copy}'`);
    db.close();
    const stripped = new Database(copy);
    stripped.exec('DELETE FROM submissions; DELETE FROM drafts; DELETE FROM sessions; VACUUM;');
    stripped.close();
    const bytes = fs.readFileSync(copy).toString('latin1');
    for (const answer of ANSWERS) expect(bytes).not.toContain(answer);
    expect(bytes).toContain(COMMENT);
  });

  it('shows no answer, and no comment, on the dashboard or in the exports', () => {
    for (const [url, text] of Object.entries(exports)) {
      for (const secret of [...ANSWERS, COMMENT]) {
        expect(`${url}: ${text.includes(secret) ? secret : 'clean'}`).toBe(`${url}: clean`);
      }
    }
  });

  it('keeps the comment in a table of its own, with nothing that links it to its rating', () => {
    const db = new Database(path.join(dataDir, 'civic-forms.sqlite'), { readonly: true });
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map(
        (c) => c.name,
      );
    expect(columns('feedback_comments')).toEqual(['id', 'day', 'form_id', 'language', 'comment']);
    expect(columns('satisfaction')).toEqual([
      'id',
      'day',
      'form_id',
      'form_version',
      'channel',
      'language',
      'rating',
    ]);
    const comment = db.prepare('SELECT * FROM feedback_comments').get() as {
      id: string;
      day: string;
    };
    const rating = db.prepare('SELECT * FROM satisfaction').get() as { id: string; day: string };
    db.close();
    expect(comment.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rating.day).toBe(comment.day);
    expect(comment.id).not.toBe(rating.id);
  });

  it('stores journey events with no transaction id, session id or free text', () => {
    const db = new Database(path.join(dataDir, 'civic-forms.sqlite'), { readonly: true });
    const journeyIds = (
      db.prepare('SELECT DISTINCT journey_id AS id FROM journey_events').all() as Array<{
        id: string;
      }>
    ).map((r) => r.id);
    const transactions = (
      db.prepare('SELECT transaction_id AS id FROM submissions').all() as Array<{ id: string }>
    ).map((r) => r.id);
    const sessions = (db.prepare('SELECT id FROM sessions').all() as Array<{ id: string }>).map(
      (r) => r.id,
    );
    db.close();
    expect(journeyIds).toHaveLength(1);
    for (const other of [...transactions, ...sessions]) {
      expect(other.replace(/-/g, '')).not.toContain(journeyIds[0]);
      expect(journeyIds[0]).not.toContain(other.replace(/-/g, ''));
    }
  });
});
