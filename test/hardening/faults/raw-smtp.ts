import net from 'node:net';

export interface RawSmtp {
  port: number;
  /** Connections the client opened. */
  connections: () => number;
  close(): Promise<void>;
}

/**
 * A TCP listener on 127.0.0.1 that misbehaves before any SMTP exchange:
 * `refuse-421` greets with 421 and hangs up (a server shedding load),
 * `silent` accepts and never says a word (a stalled server or a black hole).
 */
export async function startRawSmtp(mode: 'refuse-421' | 'silent'): Promise<RawSmtp> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'refuse-421') socket.end('421 mail.example.org Service not available, closing transmission channel\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: connecting is refused. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
