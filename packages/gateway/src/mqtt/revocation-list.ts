import type { Server, TLSSocket } from 'node:tls';
import type { Logger, Repos } from '@ota/campaign-core';
import { buildCrl, type FleetPki } from '../pki/index.js';

/**
 * Keeps this gateway's TLS server in step with the revoked certificates in Postgres: rebuilds the CRL into
 * the server's secure context (new handshakes with a revoked certificate fail) and drops connections that
 * already use one. Every gateway polls, so a revocation made through any of them reaches all within one
 * interval; the one that took the request applies it at once.
 */
export class RevocationList {
  private known = '';
  private timer: NodeJS.Timeout | null = null;
  private readonly live = new Set<TLSSocket>();
  private revoked = new Set<string>();

  constructor(
    private readonly opts: {
      server: Server;
      tls: { ca: string; cert: string; key: string };
      pki: FleetPki;
      repos: Repos;
      log: Logger;
      intervalMs?: number;
    },
  ) {
    opts.server.on('secureConnection', (socket: TLSSocket) => {
      this.live.add(socket);
      socket.once('close', () => this.live.delete(socket));
    });
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch((err: Error) => this.opts.log.warn({ err: err.message }, 'CRL refresh failed')), this.opts.intervalMs ?? 5000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const revoked = await this.opts.repos.certificates.revoked();
    const shape = revoked.map((r) => r.serial).join(',');
    if (shape === this.known) return;
    const crl = await buildCrl(this.opts.pki, revoked);
    this.opts.server.setSecureContext({ ...this.opts.tls, crl });
    this.known = shape;
    this.revoked = new Set(revoked.map((r) => r.serial));
    for (const socket of this.live) {
      const serial = socket.getPeerCertificate().serialNumber?.toLowerCase();
      if (serial && this.revoked.has(serial)) {
        this.opts.log.warn({ serial }, 'certificate revoked: connection closed');
        socket.destroy();
      }
    }
  }
}
