import { hashPassword } from '../../src/caseworker/password-hash';
import type { Role } from '../../src/store/accounts';
import type { Store } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { Visitor } from './agent';
import { addDays } from './dates';
import { panelCode } from './panel-code';

/** The password every test account has: long, as the CLI requires. */
export const PASSWORD = 'correct horse battery staple';

/** Adds a staff account straight to the store, as `civic-forms users add` would. */
export async function addAccount(
  store: Store,
  username: string,
  options: { role?: Role; displayName?: string; password?: string; agency?: string } = {},
) {
  const user = await store.staff.addUser({
    username,
    displayName: options.displayName ?? 'Siân Evans',
    role: options.role ?? 'caseworker',
    agency: options.agency ?? 'default',
    passwordHash: await hashPassword(options.password ?? PASSWORD),
  });
  if (!user) throw new Error(`${username} exists already`);
  return user;
}

/** Signs a visitor in through the sign-in page; returns the response to the POST. */
export async function signIn(visitor: Visitor, username: string, password = PASSWORD) {
  await visitor.get('/caseworker/sign-in');
  return visitor.post('/caseworker/sign-in', { username, password });
}

/** A new caseworker account on the app, and a visitor signed in with it. */
export async function signedInAccount(app: CivicFormsApp, username = 'sian.evans') {
  const user = await addAccount(app.store, username);
  const visitor = new Visitor(app);
  const response = await signIn(visitor, username);
  if (response.status !== 303) throw new Error(`sign-in gave ${response.status}`);
  return { user, visitor };
}

/** A visitor signed in as a new caseworker on the app. */
export async function signedInCaseworker(
  app: CivicFormsApp,
  username = 'sian.evans',
): Promise<Visitor> {
  return (await signedInAccount(app, username)).visitor;
}

/** The session id inside the signed session cookie a visitor holds. */
export function sessionIdOf(visitor: Visitor): string {
  const cookie = visitor.agent.jar.getCookie('civic.sid', {
    domain: '127.0.0.1',
    path: '/',
    secure: false,
    script: false,
  });
  const value = decodeURIComponent(cookie?.value ?? '');
  if (!value.startsWith('s:')) throw new Error('no session cookie');
  return value.slice(2, value.lastIndexOf('.'));
}

/** A name no other answer or word of the service contains, to look for where answers must not go. */
export const DISTINCTIVE_NAME = 'Amara Zephyrine Okafor';

/**
 * Amara applies for a parking permit online, as a constituent does, with one electric car; returns
 * the reference the confirmation page shows her.
 */
export async function submitPermitOnline(app: CivicFormsApp): Promise<string> {
  const visitor = new Visitor(app);
  const form = '/parking-permit';
  const start = addDays(30);
  let at = await visitor.answer(`${form}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': DISTINCTIVE_NAME });
  at = await visitor.answer(at, { phone: '01632 960 001', email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'yes' });
  at = await visitor.answer(at, { registration: 'ab12 cde' });
  at = await visitor.answer(at, { fuel: 'electric' });
  at = await visitor.answer(at, { charging: 'yes' });
  at = await visitor.answer(at, { 'add-another': 'no' });
  at = await visitor.answer(at, {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  });
  const confirmation = await visitor.answer(at, {});
  const page = await visitor.get(confirmation);
  const reference = panelCode(page.text);
  if (!reference) throw new Error(`no reference on ${confirmation}`);
  return reference;
}
