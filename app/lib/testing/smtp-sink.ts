// A real SMTP server for tests (smtp-server): it receives what the app sends and keeps each
// message's headers and decoded text, so a test asserts on mail as a person would receive it.
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { messageId: string; deliveryId: string; to: string[]; subject: string; text: string; raw: string };

function decodeBody(headers: string, body: string): string {
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function decodeHeader(v: string): string {
  return v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  ).replace(/\?=\s+=\?/g, '');
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  return {
    messageId: header('Message-ID'),
    deliveryId: header('X-SetSafe-Delivery'),
    to,
    subject: decodeHeader(header('Subject')),
    text: decodeBody(headers, body),
    raw,
  };
}

export type SmtpSink = { port: number; messages: ReceivedMail[]; rejectNext: (n: number) => void; close: () => Promise<void> };

export async function startSmtpSink(port: number): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  let rejecting = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The app keeps pooled connections open between messages; closing the sink ends them after
    // a moment instead of waiting out smtp-server's default 30 s.
    closeTimeout: 200,
    // No reverse DNS per connection: this machine has no resolver, so each lookup waits out its
    // timeout, which no real mail relay would make the app wait.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejecting > 0) {
          rejecting -= 1;
          const err = new Error('450 mailbox busy, try later') as Error & { responseCode: number };
          err.responseCode = 450;
          return callback(err);
        }
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Once listening, a client that vanishes mid-connection (the crash test kills the server that
  // holds pooled connections) is a dropped connection, not the sink's failure.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') console.error('[smtp-sink]', err);
  });
  return {
    port,
    messages,
    rejectNext: (n) => {
      rejecting = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
