import { tempDb } from './testing/temp-db';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// getSessionUser reads the session cookie through next-auth's decode; here the decoded token is handed in directly.
const session = vi.hoisted(() => ({ current: null as null | { uid: string; name: string; email: string; sv: number } }));
vi.mock('./session-token', () => ({ readSessionToken: async () => session.current }));

import { authOptions } from './auth-options';
import { getSessionUser } from './auth';
import { changePassword } from './account';
import { removeMember } from './members';
import { actorOf, join, makeProduction, makeUser, membershipIdOf, TEST_PASSWORD, userActorOf, userRow } from './testing/world';
import type { JWT } from 'next-auth/jwt';

type Jwt = NonNullable<NonNullable<typeof authOptions.callbacks>['jwt']>;
const jwt = (token: JWT) => (authOptions.callbacks!.jwt as Jwt)({ token } as Parameters<Jwt>[0]);

/** What a browser holds after signing in: a token carrying the user's session version then. */
async function signIn(userId: string): Promise<JWT> {
  const u = userRow(userId);
  return (await (authOptions.callbacks!.jwt as Jwt)({ token: {}, user: { id: u.id, name: u.name, email: u.email, sv: u.sessionVersion } } as Parameters<Jwt>[0])) as JWT;
}
async function asSession(token: JWT) {
  const u = userRow(token.uid!);
  session.current = { uid: token.uid!, name: u.name, email: u.email, sv: token.sv! };
  return getSessionUser();
}

let productionId = '';
let producerId = '';
let crewId = '';

beforeAll(async () => {
  expect(process.env.DATABASE_PATH).toBe(tempDb.file);
  productionId = makeProduction('Session Show').id;
  producerId = (await makeUser('prod@test.example', 'Pat Producer')).id;
  crewId = (await makeUser('crew@test.example', 'Cass Crew')).id;
  join(productionId, producerId, 'producer');
  join(productionId, crewId, 'crew');
});

describe('session version', () => {
  it('is carried in the token at sign-in and accepted while it matches', async () => {
    const token = await signIn(crewId);
    expect(token.sv).toBe(userRow(crewId).sessionVersion);
    await expect(jwt(token)).resolves.toMatchObject({ uid: crewId });
    expect(await asSession(token)).toMatchObject({ id: crewId, email: 'crew@test.example' });
  });

  it('sign-out ends every session of the user, copies included', async () => {
    const laptop = await signIn(crewId);
    const copy = { ...laptop };
    await authOptions.events!.signOut!({ token: laptop, session: null as never });
    await expect(jwt(copy)).rejects.toThrow(/session ended/);
    expect(await asSession(copy)).toBeNull();
    // A fresh sign-in works again.
    expect(await asSession(await signIn(crewId))).toMatchObject({ id: crewId });
  });

  it('a password change ends every other session', async () => {
    const phone = await signIn(crewId);
    const res = await changePassword(userActorOf(crewId), { current: TEST_PASSWORD, password: 'a new long password', confirm: 'a new long password' });
    expect(res.ok).toBe(true);
    await expect(jwt(phone)).rejects.toThrow(/session ended/);
    expect(await asSession(phone)).toBeNull();
  });

  it('removal from a production ends the removed person’s sessions', async () => {
    const token = await signIn(crewId);
    expect(await asSession(token)).not.toBeNull();
    const producer = actorOf(producerId, productionId);
    expect(removeMember(producer, { membershipId: membershipIdOf(crewId, productionId) }).ok).toBe(true);
    await expect(jwt(token)).rejects.toThrow(/session ended/);
    expect(await asSession(token)).toBeNull();
    // The producer's own session is untouched.
    expect(await asSession(await signIn(producerId))).toMatchObject({ id: producerId });
  });

  it('refuses a token for a user who no longer exists or has no password', async () => {
    await expect(jwt({ uid: 'nobody', sv: 1 })).rejects.toThrow(/session ended/);
    await expect(jwt({})).rejects.toThrow(/session ended/);
    const invited = await makeUser('invited@test.example', 'Ivy Invited', { password: false });
    session.current = { uid: invited.id, name: invited.name, email: invited.email, sv: invited.sessionVersion };
    expect(await getSessionUser()).toBeNull();
  });
});
