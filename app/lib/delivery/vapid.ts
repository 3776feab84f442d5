import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { vapidKeysPath } from '@/db/paths';

export type VapidKeys = { publicKey: string; privateKey: string };

let cached: { file: string; keys: VapidKeys } | null = null;

/**
 * VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY from the environment, or a pair kept in the data folder
 * (created on first use, like the auth secret), so no key ever sits in the repository.
 */
export function getVapidKeys(): VapidKeys {
  if (process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY) {
    return { publicKey: process.env.VAPID_PUBLIC_KEY, privateKey: process.env.VAPID_PRIVATE_KEY };
  }
  const file = vapidKeysPath();
  if (cached?.file === file) return cached.keys;
  let keys: VapidKeys | null = null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<VapidKeys>;
    if (parsed.publicKey && parsed.privateKey) keys = { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
  } catch {
    keys = null;
  }
  if (!keys) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = webpush.generateVAPIDKeys();
    try {
      fs.writeFileSync(file, JSON.stringify(fresh) + '\n', { mode: 0o600, flag: 'wx' });
      keys = fresh;
      console.log(`[setsafe] VAPID keys not set: created a new Web Push key pair in ${file}`);
    } catch {
      keys = JSON.parse(fs.readFileSync(file, 'utf8')) as VapidKeys; // another process created it first
    }
  }
  cached = { file, keys };
  return keys;
}
