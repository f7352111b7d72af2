import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const USER = 'pagecare-bot';
export const PASSWORD = 's3cret:p@ss/word';

export type Stage = 'mail' | 'rcpt' | 'data';

/** An SMTP error code, `stall` (never answer), or undefined to accept. */
export type Reply = number | 'stall' | undefined;

/** What the server answers at a stage: a reply now, or a promise of one (the server waits for it). */
export type Script = (event: { stage: Stage; attempt: number; address?: string }) => Reply | Promise<Reply>;

export interface Received {
  from: string;
  to: string[];
  user: string;
  parsed: ParsedMail;
  /** The message as it came over the wire. */
  raw: Buffer;
}

export interface TestSmtpServer {
  port: number;
  /** `smtp://user:pass@127.0.0.1:port`, the credentials percent-encoded. */
  url(user?: string, pass?: string): string;
  received: Received[];
  attempts: Record<Stage, number>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that requires a login, keeps every message
 * it accepts (parsed with mailparser) and fails the way `script` says.
 */
export interface SmtpServerOptions {
  /** Offer STARTTLS with smtp-server's built-in self-signed certificate, which a verifying client refuses. */
  selfSignedStartTls?: boolean;
}

export async function startSmtpServer(script: Script = () => undefined, options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const attempts: Record<Stage, number> = { mail: 0, rcpt: 0, data: 0 };
  /** Runs `accept` unless the script says otherwise. */
  const answer = (stage: Stage, callback: (err?: Error | null) => void, accept: () => void, address?: string): void => {
    attempts[stage]++;
    const act = (reply: Reply) => {
      if (reply === 'stall') return;
      if (typeof reply === 'number') {
        callback(Object.assign(new Error(reply >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: reply }));
        return;
      }
      accept();
    };
    const reply = script({ stage, attempt: attempts[stage], ...(address ? { address } : {}) });
    if (reply instanceof Promise) void reply.then(act);
    else act(reply);
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: false,
    allowInsecureAuth: true,
    // An offered STARTTLS would bring the server's self-signed certificate into every test.
    disabledCommands: options.selfSignedStartTls ? [] : ['STARTTLS'],
    logger: false,
    closeTimeout: 50,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      // Echoes the credentials, as a careless server might, so the redactor has something to do.
      else callback(Object.assign(new Error(`Invalid login ${auth.username}:${auth.password}`), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, callback) {
      answer('mail', callback, () => callback());
    },
    onRcptTo(address, _session, callback) {
      answer('rcpt', callback, () => callback(), address.address);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        answer('data', callback, () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                user: String(session.user),
                parsed,
                raw,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      });
    },
  });
  server.on('error', () => {
    // A client dropping its connection mid-test is expected here.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: (user = USER, pass = PASSWORD) =>
      `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
