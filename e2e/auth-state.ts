// Signs each demo account in once per worker, through next-auth's own endpoints, and keeps the
// session in a storageState file under e2e/.auth/ (git-ignored). Every run starts a fresh
// database and auth secret, so files from an earlier run are never reused.
//
// Never sign out or change the password of these accounts in a test: that ends every session of
// the user (ARCHITECTURE.md: session version), including these shared ones. Invite a fresh member instead
// (e2e/pages/members-page.ts: inviteAndActivate).
import fs from 'node:fs';
import path from 'node:path';
import { request, type APIRequestContext } from '@playwright/test';
import { PASSWORD, USERS } from './helpers';

/** The signed-in callers of fixtures.ts and the authorization matrix. */
export const ROLE_USERS = {
  crew: USERS.crew,
  actor: USERS.actor,
  ad: USERS.ad,
  armorer: USERS.armorer,
  producer: USERS.producer,
  producer2: USERS.producer2,
  auditor: USERS.auditor,
  admin: USERS.admin,
  /** A producer of "Other Show (e2e)", not a member of the demo production. */
  other: USERS.otherProducer,
} as const;
export type RoleName = keyof typeof ROLE_USERS;

const AUTH_DIR = path.resolve(__dirname, '.auth');
const made = new Map<string, Promise<string>>();

/** Signs in with email + password over HTTP and returns the storageState of that session. */
export async function signInState(baseURL: string, email: string, password = PASSWORD): Promise<Awaited<ReturnType<APIRequestContext['storageState']>>> {
  const api = await request.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await api.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password, json: 'true', callbackUrl: '/' },
      maxRedirects: 0,
    });
    const session = (await (await api.get('/api/auth/session')).json()) as { user?: { email?: string } };
    if (session.user?.email !== email) throw new Error(`Could not sign in ${email} (callback answered ${res.status()})`);
    return await api.storageState();
  } finally {
    await api.dispose();
  }
}

/** The fixtures' role for a demo account, or null for an account no fixture signs in (those sign in by the form). */
export function roleOf(email: string): RoleName | null {
  return (Object.keys(ROLE_USERS) as RoleName[]).find((r) => ROLE_USERS[r] === email) ?? null;
}

/** Path of a storageState file for `role`, signing in the first time it is asked for in this worker. */
export function storageStateFor(role: RoleName, baseURL: string): Promise<string> {
  const key = `${role}@${baseURL}`;
  let p = made.get(key);
  if (!p) {
    p = (async () => {
      fs.mkdirSync(AUTH_DIR, { recursive: true });
      const file = path.join(AUTH_DIR, `${role}.json`);
      fs.writeFileSync(file, JSON.stringify(await signInState(baseURL, ROLE_USERS[role])));
      return file;
    })();
    made.set(key, p);
    p.catch(() => made.delete(key));
  }
  return p;
}
