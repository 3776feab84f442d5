// The Ed25519 key that signs head receipts (ARCHITECTURE.md: audit trail, anchoring). From
// RECEIPT_SIGNING_KEY (a PKCS#8 PEM) or a key kept in the data folder, created on first use like the
// auth secret and the VAPID keys, so no key sits in the repository.
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { receiptKeyPath } from '@/db/paths';
import { keyIdOf } from './sign';

export type ReceiptKey = { privateKey: KeyObject; publicKeyPem: string; keyId: string };

let cached: { source: string; key: ReceiptKey } | null = null;

function fromPem(pem: string): ReceiptKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The receipt signing key must be an Ed25519 private key (PKCS#8 PEM).');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

export function getReceiptKey(): ReceiptKey {
  const env = process.env.RECEIPT_SIGNING_KEY;
  if (env) {
    if (cached?.source === 'env') return cached.key;
    cached = { source: 'env', key: fromPem(env.replace(/\\n/g, '\n')) };
    return cached.key;
  }
  const file = receiptKeyPath();
  if (cached?.source === file) return cached.key;
  let pem = '';
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch {
    pem = '';
  }
  if (!pem.trim()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const fresh = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      pem = fresh;
      console.log(`[setsafe] RECEIPT_SIGNING_KEY not set: created a new Ed25519 receipt signing key in ${file}`);
    } catch {
      pem = fs.readFileSync(file, 'utf8'); // another process created it first
    }
  }
  cached = { source: file, key: fromPem(pem) };
  return cached.key;
}
