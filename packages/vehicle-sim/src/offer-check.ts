import { PAYLOAD_TYPES, isRootRefusal, ota, verifyForRole, walkRootChain, type EnvelopeRefusal, type TrustedRoot } from '@ota/proto';

const C = ota.v1.ResultCode;

/** The result code for an envelope that did not verify for its role. */
export function envelopeRefusalCode(reason: EnvelopeRefusal): ota.v1.ResultCode {
  if (reason === 'unknown-key') return C.UNKNOWN_KEY;
  if (reason === 'wrong-type') return C.VERIFICATION_FAILED;
  return C.SIGNATURE_INVALID; // 'bad-signature', 'below-threshold'
}

export interface OpenedOffer {
  ok: true;
  /** The newest root after walking the offer's roots: the vehicle adopts it. */
  root: TrustedRoot;
  manifest: ota.v1.UpdateManifest;
}

export interface UntrustedOffer {
  ok: false;
  code: ota.v1.ResultCode;
  description: string;
  /** Set when the roots chained before the manifest failed: a verified root is adopted all the same. */
  root: TrustedRoot | null;
}

/**
 * The first steps with an offer, before anything in the manifest is believed: walk the roots it carries
 * from the vehicle's trusted one, verify the manifest for the director role of the newest root, and only
 * then decode it. Pure: the current root and the time are arguments.
 */
export function openOffer(offerBytes: Uint8Array, current: TrustedRoot, now: number): OpenedOffer | UntrustedOffer {
  let offer: ota.v1.UpdateOffer;
  try {
    offer = ota.v1.UpdateOffer.decode(offerBytes);
  } catch (err) {
    return { ok: false, code: C.VERIFICATION_FAILED, description: `undecodable offer: ${(err as Error).message}`, root: null };
  }
  // Uptane root rotation: N+1 needs thresholds of N's and its own root keys; the newest must be unexpired.
  const walked = walkRootChain(current, offer.roots.map((r) => ota.v1.Signed.encode(r).finish()), now);
  if (isRootRefusal(walked)) return { ok: false, code: walked.code, description: walked.description, root: null };
  const root = walked;
  if (!offer.manifest) return { ok: false, code: C.VERIFICATION_FAILED, description: 'offer carries no manifest', root };
  // Uptane: director metadata must carry a threshold of signatures by the keys the root gives that role.
  const check = verifyForRole(root, 'director', offer.manifest, PAYLOAD_TYPES.manifest);
  if (!check.ok) return { ok: false, code: envelopeRefusalCode(check.reason), description: `manifest signature: ${check.reason}`, root };
  try {
    return { ok: true, root, manifest: ota.v1.UpdateManifest.decode(check.payload) };
  } catch (err) {
    return { ok: false, code: C.VERIFICATION_FAILED, description: `undecodable manifest: ${(err as Error).message}`, root };
  }
}
