import type { Request, RequestHandler } from 'express';
import type { Principal } from '../../caseworker/authenticator';
import { ServiceError } from '../../errors';
import type { Role } from '../../store/accounts';
import { auditRequest } from './audit-request';
import type { CaseworkerDependencies } from './caseworker-dependencies';
import { endSignIn } from './caseworker-session';

/** The sign-in page, remembering where to come back to and why the user is there. */
export function signInUrl(req: Request, expired: boolean): string {
  const query = new URLSearchParams();
  if (req.method === 'GET') query.set('return', req.originalUrl);
  if (expired) query.set('expired', '1');
  const text = query.toString();
  return `/caseworker/sign-in${text ? `?${text}` : ''}`;
}

/**
 * The principal signed in with this session, or undefined after ending a sign-in that has been idle
 * too long or whose account can no longer sign in (both recorded in the audit trail).
 */
async function currentPrincipal(
  deps: Pick<CaseworkerDependencies, 'authenticator' | 'store'>,
  req: Request,
  res: Parameters<RequestHandler>[1],
  now: number,
): Promise<{ principal?: Principal; expired: boolean }> {
  const held = req.session?.caseworker;
  // The browser sent a session the store no longer has (see session-expiry.ts): it timed out.
  if (!held) return { expired: res.locals.sessionExpired === true };
  const idle = held.expiresAt <= now;
  const principal = idle ? undefined : await deps.authenticator.refresh(held.principal);
  if (principal) return { principal, expired: false };
  await auditRequest(deps.store, req, {
    action: 'sign-out',
    actor: held.principal,
    detail: idle ? 'idle' : 'account-disabled',
  });
  await endSignIn(req, res);
  return { expired: idle };
}

/**
 * Authorisation for the staff areas: `requireRole('caseworker')` lets through only a signed-in
 * member of staff with one of the roles, and moves their idle expiry on.
 * Signed out (or a constituent's session): a GET goes to the sign-in page (303), anything else is
 * refused (SIGN_IN_REQUIRED, 403). Signed in with another role: FORBIDDEN (403).
 *
 * @example
 *   const requireRole = createRequireRole(deps);
 *   router.use(requireRole('caseworker'));
 */
export function createRequireRole(
  deps: Pick<CaseworkerDependencies, 'authenticator' | 'store' | 'idleMinutes'>,
): (...roles: Role[]) => RequestHandler {
  if (!(deps.idleMinutes > 0)) throw new TypeError('idleMinutes must be a positive number');
  return (...roles) => {
    if (roles.length === 0) throw new TypeError('requireRole needs at least one role');
    return async function requireRole(req, res, next) {
      const now = Date.now();
      const { principal, expired } = await currentPrincipal(deps, req, res, now);
      if (!principal) {
        if (req.method === 'GET' || req.method === 'HEAD') {
          return res.redirect(303, signInUrl(req, expired));
        }
        return next(new ServiceError('SIGN_IN_REQUIRED'));
      }
      keepSignIn(req, res, principal, now, deps.idleMinutes);
      if (!roles.includes(principal.role)) return next(new ServiceError('FORBIDDEN'));
      next();
    };
  };
}

/** Moves a signed-in member of staff's idle expiry on, and names them for the page. */
function keepSignIn(
  req: Request,
  res: Parameters<RequestHandler>[1],
  principal: Principal,
  now: number,
  idleMinutes: number,
): void {
  res.locals.principal = principal;
  const held = req.session.caseworker;
  if (held) {
    held.principal = principal;
    held.expiresAt = now + idleMinutes * 60_000;
  }
}

/**
 * Like `requireRole`, for pages whose very existence is for staff only (the preview of forms not
 * yet published): anyone but a signed-in member of staff with one of the roles gets the same
 * "page not found" (404) as an address that does not exist, never a sign-in page.
 *
 * @example
 *   router.use(createStaffOnly(deps)('service-team'));
 */
export function createStaffOnly(
  deps: Pick<CaseworkerDependencies, 'authenticator' | 'store' | 'idleMinutes'>,
): (...roles: Role[]) => RequestHandler {
  if (!(deps.idleMinutes > 0)) throw new TypeError('idleMinutes must be a positive number');
  return (...roles) =>
    async function staffOnly(req, res, next) {
      const now = Date.now();
      const { principal } = await currentPrincipal(deps, req, res, now);
      if (!principal || !roles.includes(principal.role)) {
        return next(new ServiceError('PAGE_NOT_FOUND'));
      }
      keepSignIn(req, res, principal, now, deps.idleMinutes);
      next();
    };
}
