// aedes-persistence-redis ships no types; this is the one call we make.
declare module 'aedes-persistence-redis' {
  import type { Redis } from 'ioredis';
  export default function persistence(opts: { conn?: Redis; maxSessionDelivery?: number }): unknown;
}
