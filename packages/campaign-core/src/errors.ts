/**
 * Stable error codes with the HTTP status an API answers them with. Codes are never reused or renamed;
 * docs/errors.md lists every one (a test checks).
 */
export const ERRORS = {
  OTA_ERR_VALIDATION: { status: 400, message: 'the request is malformed' },
  OTA_ERR_UNAUTHORIZED: { status: 401, message: 'a valid bearer token is required' },
  OTA_ERR_NOT_FOUND: { status: 404, message: 'no such route' },
  OTA_ERR_VEHICLE_NOT_FOUND: { status: 404, message: 'no such vehicle' },
  OTA_ERR_UPDATE_NOT_FOUND: { status: 404, message: 'no such update' },
  OTA_ERR_CAMPAIGN_NOT_FOUND: { status: 404, message: 'no such campaign' },
  OTA_ERR_WEBHOOK_NOT_FOUND: { status: 404, message: 'no such webhook' },
  OTA_ERR_INVALID_VERSION: { status: 400, message: 'not a semantic version' },
  OTA_ERR_INVALID_VIN: { status: 400, message: 'not a valid 17-character VIN' },
  OTA_ERR_UPDATE_EXISTS: { status: 409, message: 'an update with this module and version exists' },
  OTA_ERR_IMAGE_ALREADY_UPLOADED: { status: 409, message: 'this update already has its image' },
  OTA_ERR_IMAGE_MISSING: { status: 409, message: 'the update has no image uploaded yet' },
  OTA_ERR_IMAGE_EMPTY: { status: 400, message: 'the image is empty' },
  OTA_ERR_IMAGE_TOO_LARGE: { status: 413, message: 'the image exceeds the size limit' },
  OTA_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'unsupported content type' },
  OTA_ERR_CAMPAIGN_STATE: { status: 409, message: 'the campaign cannot do this in its current state' },
  OTA_ERR_NO_ELIGIBLE_VEHICLES: { status: 409, message: 'no vehicle is eligible for this update' },
  OTA_ERR_CAMPAIGN_CONFLICT: { status: 409, message: 'some target ECUs are already being updated by another campaign' },
  OTA_ERR_ILLEGAL_TRANSITION: { status: 409, message: 'illegal execution state transition' },
  OTA_ERR_ROOT_INVALID: { status: 409, message: 'the root does not chain from the current one' },
  OTA_ERR_NO_ROOT: { status: 503, message: 'no root of trust has been installed' },
  OTA_ERR_NO_DIRECTOR_KEY: { status: 503, message: 'this gateway holds no director key the current root names' },
  OTA_ERR_RELEASE_INVALID: { status: 400, message: 'the release entry is not signed by the release role or does not match the update' },
  OTA_ERR_UPDATE_NOT_RELEASED: { status: 409, message: 'the update has no signed release entry yet' },
  OTA_ERR_DEPENDENCY_DOWN: { status: 503, message: 'a backing service is unavailable' },
  OTA_ERR_INTERNAL: { status: 500, message: 'internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class OtaError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERRORS[code].message);
    this.name = 'OtaError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}
