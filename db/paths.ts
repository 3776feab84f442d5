import path from 'node:path';

/** The one environment variable that places the database; everything else lives beside it. */
export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'setsafe.db'));
}

/** The data folder: the database, its WAL, the auth secret, chain heads and attachments. */
export function dataDir(): string {
  return path.dirname(databasePath());
}

export const chainHeadsPath = () => path.join(dataDir(), 'chain-heads.json');
export const authSecretPath = () => path.join(dataDir(), 'auth-secret');
export const attachmentsDir = () => path.join(dataDir(), 'attachments');
/** Qualification certificate scans: named uploads, kept apart from incident photos (whose file times say the day only). */
export const certificatesDir = () => path.join(dataDir(), 'certificates');
export const vapidKeysPath = () => path.join(dataDir(), 'vapid-keys.json');
export const receiptKeyPath = () => path.join(dataDir(), 'receipt-signing-key.pem');
