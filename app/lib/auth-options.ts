import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq, sql } from 'drizzle-orm';
import { getDb, write } from '@/db/client';
import { users } from '@/db/schema';
import { signInSchema } from './schemas/auth';
import { verifyPassword } from './passwords';
import { getAuthSecret } from './secret';
import { recordFailure, recordSuccess, throttleCheck } from './throttle';
import { clientAddress } from './client-address';
import { acceptSecondFactor, TWO_FACTOR_REQUIRED, WRONG_CODE } from './two-factor';
import { findSignInLink, LINK_STATE_MESSAGE, useSignInLink } from './sign-in-link';

export const SESSION_MAX_AGE_S = 12 * 60 * 60; // one shooting day
export { MAX_FAILURES_PER_ADDRESS, THROTTLE_MESSAGE } from './throttle';

/** Thrown by the jwt callback for an ended session; expected, so not logged as an error. */
const SESSION_ENDED = 'session ended (session version changed)';

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  logger: {
    error(code, metadata) {
      const message = (metadata as { message?: unknown } | undefined)?.message;
      if (code === 'JWT_SESSION_ERROR' && message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' }, otp: { label: 'Code', type: 'text' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const now = Date.now();
        const keys = { email, address: clientAddress(req?.headers as Record<string, unknown> | undefined) };
        const gate = throttleCheck(keys, now);
        if (!gate.ok) throw new Error(gate.message);
        const user = getDb().select().from(users).where(eq(users.email, email)).get();
        const good = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !good) {
          recordFailure(keys, now);
          return null;
        }
        // Two-factor sign-in: the password alone is not enough once a second factor is on. A wrong
        // code counts as a failed sign-in, so guessing codes backs off like guessing passwords.
        if (user.totpEnabledAt) {
          const otp = (credentials as { otp?: unknown } | undefined)?.otp;
          if (typeof otp !== 'string' || otp.trim() === '') throw new Error(TWO_FACTOR_REQUIRED);
          if (!write((tx) => acceptSecondFactor(tx, user, otp, new Date(now)))) {
            recordFailure(keys, now);
            throw new Error(WRONG_CODE);
          }
        }
        recordSuccess(keys, now);
        return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion };
      },
    }),
    // A one-time link from the owner's mailbox (README: Security): the way in while password
    // guessing on the account is slowed. No password is asked and none is guessed here, so the
    // account-wide pause does not apply; a second factor still does, and a wrong code counts.
    CredentialsProvider({
      id: 'link',
      name: 'Sign-in link',
      credentials: { token: { label: 'Token', type: 'text' }, otp: { label: 'Code', type: 'text' } },
      async authorize(credentials, req) {
        const c = credentials as { token?: unknown; otp?: unknown } | undefined;
        const now = new Date();
        const first = findSignInLink(getDb(), c?.token, now);
        if (first.state !== 'valid') throw new Error(LINK_STATE_MESSAGE[first.state]);
        const keys = { email: first.user.email, address: clientAddress(req?.headers as Record<string, unknown> | undefined) };
        const twoFactor = !!first.user.totpEnabledAt;
        const otp = typeof c?.otp === 'string' ? c.otp : '';
        if (twoFactor) {
          if (otp.trim() === '') throw new Error(TWO_FACTOR_REQUIRED);
          const gate = throttleCheck(keys, now.getTime(), { linkHolder: true });
          if (!gate.ok) throw new Error(gate.message);
        }
        const outcome = write((tx) => {
          // Re-read inside the write lock: two tabs following one link sign in once.
          const link = findSignInLink(tx, c?.token, now);
          if (link.state !== 'valid') return { refused: LINK_STATE_MESSAGE[link.state] };
          if (twoFactor && !acceptSecondFactor(tx, link.user, otp, now)) return { refused: WRONG_CODE };
          useSignInLink(tx, link, now);
          return { user: link.user };
        });
        if ('refused' in outcome) {
          if (outcome.refused === WRONG_CODE) recordFailure(keys, now.getTime());
          throw new Error(outcome.refused);
        }
        recordSuccess(keys, now.getTime());
        const u = outcome.user;
        return { id: u.id, name: u.name, email: u.email, sv: u.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sv;
        return token;
      }
      // A bumped session version (sign-out, password change, removal) ends this session here too:
      // next-auth then answers /api/auth/session with {} and clears the copied cookie.
      const row = token.uid ? getDb().select({ sv: users.sessionVersion }).from(users).where(eq(users.id, token.uid)).get() : undefined;
      if (!row || row.sv !== token.sv) throw new Error(SESSION_ENDED);
      return token;
    },
    async session({ session, token }) {
      session.user = { id: token.uid ?? '', name: token.name ?? '', email: token.email ?? '', sv: token.sv ?? 0 };
      return session;
    },
  },
  events: {
    // Sign-out ends every session of the user at once: copied cookies stop working too.
    async signOut({ token }) {
      if (token?.uid) {
        getDb().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, token.uid)).run();
      }
    },
  },
};
