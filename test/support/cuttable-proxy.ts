import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP hop in front of a service (Postgres, Redis) that a test can cut (every connection dropped, no new ones) and restore. */
export class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((inbound) => {
      const outbound = connect(this.target);
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('close', () => outbound.destroy());
      outbound.on('close', () => inbound.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

/** A proxy, open, in front of the service at `url`, and the same URL through it. */
export async function proxied(url: string, defaultPort: number): Promise<{ proxy: CuttableProxy; url: string }> {
  const direct = new URL(url);
  const proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || defaultPort) });
  await proxy.open();
  const through = new URL(url);
  through.port = String(proxy.port);
  return { proxy, url: through.toString() };
}
