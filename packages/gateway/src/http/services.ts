import type { BlobStore, CampaignService, DirectorKeys, Repos } from '@ota/campaign-core';
import type { FastifyInstance } from 'fastify';

/** What the admin routes work with; decorated on the fastify instance as `ota`. */
export interface ApiServices {
  repos: Repos;
  blobs: BlobStore;
  campaigns: CampaignService;
  /** Which director key signs now; a campaign does not start when none would. */
  director: DirectorKeys;
  chunkSize: number;
  maxImageBytes: number;
  /** GET /v1/metrics: Prometheus' text format; absent, the route answers 404. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Whether Postgres and Redis answer now, for GET /v1/ready; absent: ready whenever the process is up. */
  dependencies?: () => Promise<{ postgres: boolean; redis: boolean }>;
  /** The manufacturing line's side: vehicle certificates from the fleet CA, and their revocation. */
  provisioning?: {
    /** With `csrPem`, a certificate for the request's key and no private key in the answer. */
    issue(vin: string, actor: string, csrPem?: string): Promise<{ certPem: string; keyPem?: string; caCertPem: string; rootPb: string }>;
    revoke(vin: string, reason: string, actor: string): Promise<string[]>;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    ota: ApiServices;
  }
}

/** Any fastify instance, whatever its logger and type provider: for the cross-cutting hooks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFastify = FastifyInstance<any, any, any, any, any>;
