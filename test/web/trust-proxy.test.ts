import { readConfig } from '../../src/config';
import type { CivicFormsApp } from '../../src/web/app';
import { testApp, Visitor } from '../support/agent';
import { addAccount, PASSWORD } from '../support/caseworker';

/** The address a load balancer saw the attacker connect from. */
const ATTACKER = '203.0.113.9';

/** A sign-in sent through the proxy with this `X-Forwarded-For`; the response's status. */
async function signInThrough(
  visitor: Visitor,
  forwardedFor: string,
  username: string,
  password: string,
): Promise<number> {
  await visitor.get('/caseworker/sign-in');
  const response = await visitor.agent
    .post('/caseworker/sign-in')
    .set('X-Forwarded-For', forwardedFor)
    .type('form')
    .send({ _csrf: visitor.csrf, username, password });
  return response.status;
}

/**
 * 20 wrong sign-ins (each for another username, so no username's own limit is reached) from one
 * client that puts a new made-up address first in `X-Forwarded-For` each time, as an attacker would.
 */
async function rotateForgedAddresses(app: CivicFormsApp, realAddress: string): Promise<number[]> {
  const visitor = new Visitor(app);
  const statuses: number[] = [];
  for (let i = 1; i <= 20; i += 1) {
    const forwarded = realAddress ? `198.51.100.${i}, ${realAddress}` : `198.51.100.${i}`;
    statuses.push(await signInThrough(visitor, forwarded, `guess.${i}`, 'not the password'));
  }
  return statuses;
}

/** The client addresses the audit trail recorded for failed sign-ins. */
async function failedSignInAddresses(app: CivicFormsApp): Promise<Set<string | undefined>> {
  const events = await app.store.staff.listAudit();
  return new Set(
    events.filter((event) => event.action === 'sign-in-failed').map((event) => event.clientIp),
  );
}

describe('trusted proxies (TRUST_PROXY)', () => {
  it('behind one load balancer (TRUST_PROXY=1), forged X-Forwarded-For entries do not change the address', async () => {
    const app = testApp({ trustProxy: readConfig({ TRUST_PROXY: '1' }).trustProxy });
    try {
      await addAccount(app.store, 'sian.evans');
      expect(await rotateForgedAddresses(app, ATTACKER)).toEqual([
        ...Array<number>(19).fill(400),
        429,
      ]);
      // The attacker's address is locked, even with the right password and yet another forgery...
      expect(
        await signInThrough(new Visitor(app), `192.0.2.1, ${ATTACKER}`, 'sian.evans', PASSWORD),
      ).toBe(429);
      // ...while someone else behind the same load balancer signs in.
      expect(await signInThrough(new Visitor(app), '203.0.113.77', 'sian.evans', PASSWORD)).toBe(
        303,
      );
      expect(await failedSignInAddresses(app)).toEqual(new Set([ATTACKER]));
    } finally {
      await app.close();
    }
  }, 120_000);

  it('with the load balancer’s addresses (TRUST_PROXY=10.0.0.0/8), believes no header from any other peer', async () => {
    // The test client connects from 127.0.0.1, which is not the load balancer: it is the client.
    const app = testApp({ trustProxy: readConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy });
    try {
      await addAccount(app.store, 'sian.evans');
      expect((await rotateForgedAddresses(app, '')).at(-1)).toBe(429);
      expect(await signInThrough(new Visitor(app), '192.0.2.1', 'sian.evans', PASSWORD)).toBe(429);
      expect(await failedSignInAddresses(app)).toEqual(new Set(['127.0.0.1']));
    } finally {
      await app.close();
    }
  }, 120_000);
});
