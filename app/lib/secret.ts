import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { authSecretPath } from '@/db/paths';

/**
 * NEXTAUTH_SECRET from the environment, or one kept in the data folder (created on first use),
 * so every way of starting the app works without a secret in the repo.
 */
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = authSecretPath();
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    secret = '';
  }
  if (!secret) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
      console.log(`[setsafe] NEXTAUTH_SECRET not set: created a new auth secret in ${file}`);
    } catch {
      secret = fs.readFileSync(file, 'utf8').trim(); // another process created it first
    }
  }
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
