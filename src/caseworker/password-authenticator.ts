import type { User } from '../store/accounts';
import type { Store } from '../store/store';
import type { Authenticator, Principal } from './authenticator';
import {
  hashPassword,
  needsRehash,
  SCRYPT_PARAMETERS,
  verifyPassword,
  type ScryptParameters,
} from './password-hash';
import { isValidUsername, normaliseUsername } from './username';

function principalOf(user: User): Principal {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agency: user.agency,
  };
}

/**
 * The embedded authenticator: accounts in the service's own database, managed with
 * `civic-forms users`, passwords hashed with scrypt.
 *
 * @example
 *   const authenticator = createPasswordAuthenticator(store);
 *   const result = await authenticator.verify({ username: 'a.jones', password });
 */
export function createPasswordAuthenticator(
  store: Store,
  params: ScryptParameters = SCRYPT_PARAMETERS,
): Authenticator {
  // An unknown username costs the same hashing as a known one, so timing does not tell them apart.
  let decoy: Promise<string> | undefined;
  return {
    kind: 'password',
    async verify({ username, password }) {
      const name = normaliseUsername(username);
      const user = isValidUsername(name) ? await store.staff.findUser(name) : undefined;
      if (!user) {
        await verifyPassword(password, await (decoy ??= hashPassword('decoy password', params)));
        return { ok: false, reason: 'wrong-credentials' };
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        return { ok: false, reason: 'wrong-credentials' };
      }
      if (user.disabled) return { ok: false, reason: 'disabled' };
      // Parameters raised since this hash was made: remake it now that the password is known.
      if (needsRehash(user.passwordHash, params)) {
        await store.staff.setPasswordHash(user.id, await hashPassword(password, params));
      }
      return { ok: true, principal: principalOf(user) };
    },
    async refresh(principal) {
      const user = await store.staff.findUserById(principal.id);
      return user && !user.disabled ? principalOf(user) : undefined;
    },
  };
}
