// A local HTTP server standing in for a browser's push service (tests): it keeps each request and
// decrypts its aes128gcm body (RFC 8291) with the subscription's own keys, so a test reads the
// payload exactly as the browser would.
import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import http from 'node:http';

export type FakeDevice = { endpoint: string; keys: { p256dh: string; auth: string }; privateKey: Buffer; publicKey: Buffer; authSecret: Buffer };
export type PushRequest = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };

export function makeDevice(endpoint: string): FakeDevice {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    endpoint,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
    privateKey: ecdh.getPrivateKey(),
    publicKey: ecdh.getPublicKey(),
    authSecret,
  };
}

export function decryptPush(device: FakeDevice, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLen = body[20];
  const serverPublic = body.subarray(21, 21 + idLen);
  const cipher = body.subarray(21 + idLen);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(device.privateKey);
  const shared = ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.publicKey, serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, device.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(cipher.subarray(cipher.length - 16));
  const plain = Buffer.concat([d.update(cipher.subarray(0, cipher.length - 16)), d.final()]);
  // The last record ends with the delimiter 0x02 followed by zero padding.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  return plain.subarray(0, end).toString('utf8');
}

export type PushService = { port: number; requests: PushRequest[]; url: (p: string) => string; answer: (status: number) => void; close: () => Promise<void> };

export async function startPushService(port: number): Promise<PushService> {
  const requests: PushRequest[] = [];
  let status = 201;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    requests,
    url: (p) => `http://127.0.0.1:${port}${p}`,
    answer: (s) => {
      status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
