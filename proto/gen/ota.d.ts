import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace ota {

    namespace v1 {

        enum Bus {
            BUS_UNSPECIFIED = 0,
            CAN = 1,
            CAN_FD = 2,
            LIN = 3,
            ETHERNET = 4
        }

        enum ResultCode {
            RESULT_UNSPECIFIED = 0,
            OK = 1,
            ALREADY_PROCESSED = 2,
            VERIFICATION_FAILED = 3,
            INSTALL_FAILED = 4,
            DOWNLOAD_FAILED = 5,
            INTERNAL_ERROR = 18,
            GENERAL_ERROR = 19,
            OPERATION_CANCELLED = 23,
            SIGNATURE_INVALID = 30,
            METADATA_EXPIRED = 31,
            ROLLBACK_DETECTED = 32,
            HARDWARE_ID_MISMATCH = 33,
            HASH_MISMATCH = 34,
            LENGTH_EXCEEDED = 35,
            VIN_MISMATCH = 36,
            ECU_NOT_FOUND = 37,
            UNKNOWN_KEY = 38,
            NONCE_MISMATCH = 39,
            PRECONDITIONS_NOT_MET = 40,
            LOW_BATTERY = 41,
            ECU_NOT_RESPONDING = 43,
            FLASH_FAILED = 44,
            POWER_LOSS = 46,
            ROLLED_BACK = 47,
            CONSENT_DECLINED = 48,
            BUSY = 49,
            CONSENT_POSTPONED = 50,
            PARTIAL_BUNDLE = 60,
            NOT_ATTEMPTED = 61,
            TARGETS_DISAGREE = 70,
            ROOT_INVALID = 71,
            SLOW_RETRIEVAL = 72
        }

        enum SigMethod {
            SIG_METHOD_UNSPECIFIED = 0,
            ED25519 = 1
        }

        interface ISignature extends ota.v1.Signature.$Properties {
        }

        class Signature {
            constructor(p?: ota.v1.Signature.$Properties);
            $unknowns?: Uint8Array[];
            keyId: string;
            method: ota.v1.SigMethod;
            sig: Uint8Array;
            static create(properties: ota.v1.Signature.$Shape): ota.v1.Signature & ota.v1.Signature.$Shape;
            static create(properties?: ota.v1.Signature.$Properties): ota.v1.Signature;
            static encode(m: ota.v1.Signature.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Signature & ota.v1.Signature.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Signature;
            static toObject(m: ota.v1.Signature, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Signature {
            interface $Properties {
                keyId?: (string|null);
                method?: (ota.v1.SigMethod|null);
                sig?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Signature.$Properties;
        }

        interface ISigned extends ota.v1.Signed.$Properties {
        }

        class Signed {
            constructor(p?: ota.v1.Signed.$Properties);
            $unknowns?: Uint8Array[];
            payloadType: string;
            payload: Uint8Array;
            signatures: ota.v1.Signature.$Properties[];
            static create(properties: ota.v1.Signed.$Shape): ota.v1.Signed & ota.v1.Signed.$Shape;
            static create(properties?: ota.v1.Signed.$Properties): ota.v1.Signed;
            static encode(m: ota.v1.Signed.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Signed & ota.v1.Signed.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Signed;
            static toObject(m: ota.v1.Signed, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Signed {
            interface $Properties {
                payloadType?: (string|null);
                payload?: (Uint8Array|null);
                signatures?: (ota.v1.Signature.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Signed.$Properties;
        }

        interface IPublicKey extends ota.v1.PublicKey.$Properties {
        }

        class PublicKey {
            constructor(p?: ota.v1.PublicKey.$Properties);
            $unknowns?: Uint8Array[];
            keyId: string;
            method: ota.v1.SigMethod;
            spkiDer: Uint8Array;
            static create(properties: ota.v1.PublicKey.$Shape): ota.v1.PublicKey & ota.v1.PublicKey.$Shape;
            static create(properties?: ota.v1.PublicKey.$Properties): ota.v1.PublicKey;
            static encode(m: ota.v1.PublicKey.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.PublicKey & ota.v1.PublicKey.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.PublicKey;
            static toObject(m: ota.v1.PublicKey, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PublicKey {
            interface $Properties {
                keyId?: (string|null);
                method?: (ota.v1.SigMethod|null);
                spkiDer?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.PublicKey.$Properties;
        }

        interface IRoleKeys extends ota.v1.RoleKeys.$Properties {
        }

        class RoleKeys {
            constructor(p?: ota.v1.RoleKeys.$Properties);
            $unknowns?: Uint8Array[];
            keyIds: string[];
            threshold: number;
            static create(properties: ota.v1.RoleKeys.$Shape): ota.v1.RoleKeys & ota.v1.RoleKeys.$Shape;
            static create(properties?: ota.v1.RoleKeys.$Properties): ota.v1.RoleKeys;
            static encode(m: ota.v1.RoleKeys.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.RoleKeys & ota.v1.RoleKeys.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.RoleKeys;
            static toObject(m: ota.v1.RoleKeys, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoleKeys {
            interface $Properties {
                keyIds?: (string[]|null);
                threshold?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.RoleKeys.$Properties;
        }

        interface IRootMetadata extends ota.v1.RootMetadata.$Properties {
        }

        class RootMetadata {
            constructor(p?: ota.v1.RootMetadata.$Properties);
            $unknowns?: Uint8Array[];
            version: (number|Long);
            expiresAtMs: (number|Long);
            keys: ota.v1.PublicKey.$Properties[];
            root?: (ota.v1.RoleKeys.$Properties|null);
            release?: (ota.v1.RoleKeys.$Properties|null);
            director?: (ota.v1.RoleKeys.$Properties|null);
            static create(properties: ota.v1.RootMetadata.$Shape): ota.v1.RootMetadata & ota.v1.RootMetadata.$Shape;
            static create(properties?: ota.v1.RootMetadata.$Properties): ota.v1.RootMetadata;
            static encode(m: ota.v1.RootMetadata.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.RootMetadata & ota.v1.RootMetadata.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.RootMetadata;
            static toObject(m: ota.v1.RootMetadata, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RootMetadata {
            interface $Properties {
                version?: (number|Long|null);
                expiresAtMs?: (number|Long|null);
                keys?: (ota.v1.PublicKey.$Properties[]|null);
                root?: (ota.v1.RoleKeys.$Properties|null);
                release?: (ota.v1.RoleKeys.$Properties|null);
                director?: (ota.v1.RoleKeys.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.RootMetadata.$Properties;
        }

        interface IEcuVersion extends ota.v1.EcuVersion.$Properties {
        }

        class EcuVersion {
            constructor(p?: ota.v1.EcuVersion.$Properties);
            $unknowns?: Uint8Array[];
            module: string;
            serial: string;
            hardwareId: string;
            bus: ota.v1.Bus;
            softwareVersion: string;
            calibration: string;
            releaseCounter: number;
            activeBank: string;
            static create(properties: ota.v1.EcuVersion.$Shape): ota.v1.EcuVersion & ota.v1.EcuVersion.$Shape;
            static create(properties?: ota.v1.EcuVersion.$Properties): ota.v1.EcuVersion;
            static encode(m: ota.v1.EcuVersion.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.EcuVersion & ota.v1.EcuVersion.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.EcuVersion;
            static toObject(m: ota.v1.EcuVersion, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcuVersion {
            interface $Properties {
                module?: (string|null);
                serial?: (string|null);
                hardwareId?: (string|null);
                bus?: (ota.v1.Bus|null);
                softwareVersion?: (string|null);
                calibration?: (string|null);
                releaseCounter?: (number|null);
                activeBank?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.EcuVersion.$Properties;
        }

        interface IVehicleState extends ota.v1.VehicleState.$Properties {
        }

        class VehicleState {
            constructor(p?: ota.v1.VehicleState.$Properties);
            $unknowns?: Uint8Array[];
            batteryPct: number;
            parked: boolean;
            ignitionOn: boolean;
            static create(properties: ota.v1.VehicleState.$Shape): ota.v1.VehicleState & ota.v1.VehicleState.$Shape;
            static create(properties?: ota.v1.VehicleState.$Properties): ota.v1.VehicleState;
            static encode(m: ota.v1.VehicleState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.VehicleState & ota.v1.VehicleState.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.VehicleState;
            static toObject(m: ota.v1.VehicleState, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace VehicleState {
            interface $Properties {
                batteryPct?: (number|null);
                parked?: (boolean|null);
                ignitionOn?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.VehicleState.$Properties;
        }

        interface IVersionReport extends ota.v1.VersionReport.$Properties {
        }

        class VersionReport {
            constructor(p?: ota.v1.VersionReport.$Properties);
            $unknowns?: Uint8Array[];
            vin: string;
            reportCounter: (number|Long);
            sentAtMs: (number|Long);
            ecus: ota.v1.EcuVersion.$Properties[];
            nonce: Uint8Array;
            rootVersion: (number|Long);
            state?: (ota.v1.VehicleState.$Properties|null);
            static create(properties: ota.v1.VersionReport.$Shape): ota.v1.VersionReport & ota.v1.VersionReport.$Shape;
            static create(properties?: ota.v1.VersionReport.$Properties): ota.v1.VersionReport;
            static encode(m: ota.v1.VersionReport.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.VersionReport & ota.v1.VersionReport.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.VersionReport;
            static toObject(m: ota.v1.VersionReport, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace VersionReport {
            interface $Properties {
                vin?: (string|null);
                reportCounter?: (number|Long|null);
                sentAtMs?: (number|Long|null);
                ecus?: (ota.v1.EcuVersion.$Properties[]|null);
                nonce?: (Uint8Array|null);
                rootVersion?: (number|Long|null);
                state?: (ota.v1.VehicleState.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.VersionReport.$Properties;
        }

        interface IReleaseEntry extends ota.v1.ReleaseEntry.$Properties {
        }

        class ReleaseEntry {
            constructor(p?: ota.v1.ReleaseEntry.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            version: string;
            ecuModule: string;
            hardwareIds: string[];
            releaseCounter: number;
            imageSize: (number|Long);
            imageSha256: Uint8Array;
            chunkSize: number;
            chunkSha256: Uint8Array[];
            expiresAtMs: (number|Long);
            static create(properties: ota.v1.ReleaseEntry.$Shape): ota.v1.ReleaseEntry & ota.v1.ReleaseEntry.$Shape;
            static create(properties?: ota.v1.ReleaseEntry.$Properties): ota.v1.ReleaseEntry;
            static encode(m: ota.v1.ReleaseEntry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.ReleaseEntry & ota.v1.ReleaseEntry.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.ReleaseEntry;
            static toObject(m: ota.v1.ReleaseEntry, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReleaseEntry {
            interface $Properties {
                name?: (string|null);
                version?: (string|null);
                ecuModule?: (string|null);
                hardwareIds?: (string[]|null);
                releaseCounter?: (number|null);
                imageSize?: (number|Long|null);
                imageSha256?: (Uint8Array|null);
                chunkSize?: (number|null);
                chunkSha256?: (Uint8Array[]|null);
                expiresAtMs?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.ReleaseEntry.$Properties;
        }

        interface ITarget extends ota.v1.Target.$Properties {
        }

        class Target {
            constructor(p?: ota.v1.Target.$Properties);
            $unknowns?: Uint8Array[];
            ecuModule: string;
            ecuSerial: string;
            hardwareIds: string[];
            version: string;
            imageSize: (number|Long);
            imageSha256: Uint8Array;
            chunkSize: number;
            releaseCounter: number;
            installOrder: number;
            release?: (ota.v1.Signed.$Properties|null);
            static create(properties: ota.v1.Target.$Shape): ota.v1.Target & ota.v1.Target.$Shape;
            static create(properties?: ota.v1.Target.$Properties): ota.v1.Target;
            static encode(m: ota.v1.Target.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Target & ota.v1.Target.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Target;
            static toObject(m: ota.v1.Target, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Target {
            interface $Properties {
                ecuModule?: (string|null);
                ecuSerial?: (string|null);
                hardwareIds?: (string[]|null);
                version?: (string|null);
                imageSize?: (number|Long|null);
                imageSha256?: (Uint8Array|null);
                chunkSize?: (number|null);
                releaseCounter?: (number|null);
                installOrder?: (number|null);
                release?: (ota.v1.Signed.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Target.$Properties;
        }

        interface IPreconditions extends ota.v1.Preconditions.$Properties {
        }

        class Preconditions {
            constructor(p?: ota.v1.Preconditions.$Properties);
            $unknowns?: Uint8Array[];
            minBatteryPct: number;
            requireParked: boolean;
            requireIgnitionOff: boolean;
            static create(properties: ota.v1.Preconditions.$Shape): ota.v1.Preconditions & ota.v1.Preconditions.$Shape;
            static create(properties?: ota.v1.Preconditions.$Properties): ota.v1.Preconditions;
            static encode(m: ota.v1.Preconditions.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Preconditions & ota.v1.Preconditions.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Preconditions;
            static toObject(m: ota.v1.Preconditions, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Preconditions {
            interface $Properties {
                minBatteryPct?: (number|null);
                requireParked?: (boolean|null);
                requireIgnitionOff?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Preconditions.$Properties;
        }

        interface IDownloadPolicy extends ota.v1.DownloadPolicy.$Properties {
        }

        class DownloadPolicy {
            constructor(p?: ota.v1.DownloadPolicy.$Properties);
            $unknowns?: Uint8Array[];
            chunkWindow: number;
            minBytesPerS: number;
            slowGraceMs: number;
            static create(properties: ota.v1.DownloadPolicy.$Shape): ota.v1.DownloadPolicy & ota.v1.DownloadPolicy.$Shape;
            static create(properties?: ota.v1.DownloadPolicy.$Properties): ota.v1.DownloadPolicy;
            static encode(m: ota.v1.DownloadPolicy.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.DownloadPolicy & ota.v1.DownloadPolicy.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.DownloadPolicy;
            static toObject(m: ota.v1.DownloadPolicy, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DownloadPolicy {
            interface $Properties {
                chunkWindow?: (number|null);
                minBytesPerS?: (number|null);
                slowGraceMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.DownloadPolicy.$Properties;
        }

        interface IUpdateManifest extends ota.v1.UpdateManifest.$Properties {
        }

        class UpdateManifest {
            constructor(p?: ota.v1.UpdateManifest.$Properties);
            $unknowns?: Uint8Array[];
            executionId: string;
            vin: string;
            expiresAtMs: (number|Long);
            updateName: string;
            attempt: number;
            rollback: boolean;
            consentRequired: boolean;
            counter: (number|Long);
            nonce: Uint8Array;
            targets: ota.v1.Target.$Properties[];
            preconditions?: (ota.v1.Preconditions.$Properties|null);
            download?: (ota.v1.DownloadPolicy.$Properties|null);
            static create(properties: ota.v1.UpdateManifest.$Shape): ota.v1.UpdateManifest & ota.v1.UpdateManifest.$Shape;
            static create(properties?: ota.v1.UpdateManifest.$Properties): ota.v1.UpdateManifest;
            static encode(m: ota.v1.UpdateManifest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.UpdateManifest & ota.v1.UpdateManifest.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.UpdateManifest;
            static toObject(m: ota.v1.UpdateManifest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace UpdateManifest {
            interface $Properties {
                executionId?: (string|null);
                vin?: (string|null);
                expiresAtMs?: (number|Long|null);
                updateName?: (string|null);
                attempt?: (number|null);
                rollback?: (boolean|null);
                consentRequired?: (boolean|null);
                counter?: (number|Long|null);
                nonce?: (Uint8Array|null);
                targets?: (ota.v1.Target.$Properties[]|null);
                preconditions?: (ota.v1.Preconditions.$Properties|null);
                download?: (ota.v1.DownloadPolicy.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.UpdateManifest.$Properties;
        }

        interface IUpdateOffer extends ota.v1.UpdateOffer.$Properties {
        }

        class UpdateOffer {
            constructor(p?: ota.v1.UpdateOffer.$Properties);
            $unknowns?: Uint8Array[];
            roots: ota.v1.Signed.$Properties[];
            manifest?: (ota.v1.Signed.$Properties|null);
            static create(properties: ota.v1.UpdateOffer.$Shape): ota.v1.UpdateOffer & ota.v1.UpdateOffer.$Shape;
            static create(properties?: ota.v1.UpdateOffer.$Properties): ota.v1.UpdateOffer;
            static encode(m: ota.v1.UpdateOffer.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.UpdateOffer & ota.v1.UpdateOffer.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.UpdateOffer;
            static toObject(m: ota.v1.UpdateOffer, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace UpdateOffer {
            interface $Properties {
                roots?: (ota.v1.Signed.$Properties[]|null);
                manifest?: (ota.v1.Signed.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.UpdateOffer.$Properties;
        }

        interface IChunkRequest extends ota.v1.ChunkRequest.$Properties {
        }

        class ChunkRequest {
            constructor(p?: ota.v1.ChunkRequest.$Properties);
            $unknowns?: Uint8Array[];
            executionId: string;
            index: number;
            count: number;
            imageSha256: Uint8Array;
            static create(properties: ota.v1.ChunkRequest.$Shape): ota.v1.ChunkRequest & ota.v1.ChunkRequest.$Shape;
            static create(properties?: ota.v1.ChunkRequest.$Properties): ota.v1.ChunkRequest;
            static encode(m: ota.v1.ChunkRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.ChunkRequest & ota.v1.ChunkRequest.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.ChunkRequest;
            static toObject(m: ota.v1.ChunkRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ChunkRequest {
            interface $Properties {
                executionId?: (string|null);
                index?: (number|null);
                count?: (number|null);
                imageSha256?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.ChunkRequest.$Properties;
        }

        interface IChunk extends ota.v1.Chunk.$Properties {
        }

        class Chunk {
            constructor(p?: ota.v1.Chunk.$Properties);
            $unknowns?: Uint8Array[];
            executionId: string;
            index: number;
            offset: (number|Long);
            data: Uint8Array;
            imageSha256: Uint8Array;
            static create(properties: ota.v1.Chunk.$Shape): ota.v1.Chunk & ota.v1.Chunk.$Shape;
            static create(properties?: ota.v1.Chunk.$Properties): ota.v1.Chunk;
            static encode(m: ota.v1.Chunk.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Chunk & ota.v1.Chunk.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Chunk;
            static toObject(m: ota.v1.Chunk, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Chunk {
            interface $Properties {
                executionId?: (string|null);
                index?: (number|null);
                offset?: (number|Long|null);
                data?: (Uint8Array|null);
                imageSha256?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Chunk.$Properties;
        }

        enum Phase {
            PHASE_UNSPECIFIED = 0,
            DOWNLOADING = 1,
            VERIFYING = 2,
            INSTALLING = 3
        }

        interface IProgress extends ota.v1.Progress.$Properties {
        }

        class Progress {
            constructor(p?: ota.v1.Progress.$Properties);
            $unknowns?: Uint8Array[];
            executionId: string;
            phase: ota.v1.Phase;
            bytesDone: (number|Long);
            bytesTotal: (number|Long);
            ecuSerial: string;
            static create(properties: ota.v1.Progress.$Shape): ota.v1.Progress & ota.v1.Progress.$Shape;
            static create(properties?: ota.v1.Progress.$Properties): ota.v1.Progress;
            static encode(m: ota.v1.Progress.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Progress & ota.v1.Progress.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Progress;
            static toObject(m: ota.v1.Progress, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Progress {
            interface $Properties {
                executionId?: (string|null);
                phase?: (ota.v1.Phase|null);
                bytesDone?: (number|Long|null);
                bytesTotal?: (number|Long|null);
                ecuSerial?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Progress.$Properties;
        }

        interface IEcuResult extends ota.v1.EcuResult.$Properties {
        }

        class EcuResult {
            constructor(p?: ota.v1.EcuResult.$Properties);
            $unknowns?: Uint8Array[];
            ecuSerial: string;
            code: ota.v1.ResultCode;
            description: string;
            softwareVersion: string;
            static create(properties: ota.v1.EcuResult.$Shape): ota.v1.EcuResult & ota.v1.EcuResult.$Shape;
            static create(properties?: ota.v1.EcuResult.$Properties): ota.v1.EcuResult;
            static encode(m: ota.v1.EcuResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.EcuResult & ota.v1.EcuResult.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.EcuResult;
            static toObject(m: ota.v1.EcuResult, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcuResult {
            interface $Properties {
                ecuSerial?: (string|null);
                code?: (ota.v1.ResultCode|null);
                description?: (string|null);
                softwareVersion?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.EcuResult.$Properties;
        }

        interface IInstallResult extends ota.v1.InstallResult.$Properties {
        }

        class InstallResult {
            constructor(p?: ota.v1.InstallResult.$Properties);
            $unknowns?: Uint8Array[];
            executionId: string;
            success: boolean;
            code: ota.v1.ResultCode;
            description: string;
            ecus: ota.v1.EcuResult.$Properties[];
            bytesReceived: (number|Long);
            attempt: number;
            static create(properties: ota.v1.InstallResult.$Shape): ota.v1.InstallResult & ota.v1.InstallResult.$Shape;
            static create(properties?: ota.v1.InstallResult.$Properties): ota.v1.InstallResult;
            static encode(m: ota.v1.InstallResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.InstallResult & ota.v1.InstallResult.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.InstallResult;
            static toObject(m: ota.v1.InstallResult, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace InstallResult {
            interface $Properties {
                executionId?: (string|null);
                success?: (boolean|null);
                code?: (ota.v1.ResultCode|null);
                description?: (string|null);
                ecus?: (ota.v1.EcuResult.$Properties[]|null);
                bytesReceived?: (number|Long|null);
                attempt?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.InstallResult.$Properties;
        }

        interface ICancelRequest extends ota.v1.CancelRequest.$Properties {
        }

        class CancelRequest {
            constructor(p?: ota.v1.CancelRequest.$Properties);
            $unknowns?: Uint8Array[];
            executionId: string;
            reason: string;
            static create(properties: ota.v1.CancelRequest.$Shape): ota.v1.CancelRequest & ota.v1.CancelRequest.$Shape;
            static create(properties?: ota.v1.CancelRequest.$Properties): ota.v1.CancelRequest;
            static encode(m: ota.v1.CancelRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.CancelRequest & ota.v1.CancelRequest.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.CancelRequest;
            static toObject(m: ota.v1.CancelRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace CancelRequest {
            interface $Properties {
                executionId?: (string|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.CancelRequest.$Properties;
        }

        interface IRejection extends ota.v1.Rejection.$Properties {
        }

        class Rejection {
            constructor(p?: ota.v1.Rejection.$Properties);
            $unknowns?: Uint8Array[];
            topic: string;
            reason: string;
            message: string;
            executionId: string;
            static create(properties: ota.v1.Rejection.$Shape): ota.v1.Rejection & ota.v1.Rejection.$Shape;
            static create(properties?: ota.v1.Rejection.$Properties): ota.v1.Rejection;
            static encode(m: ota.v1.Rejection.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ota.v1.Rejection & ota.v1.Rejection.$Shape;
            static fromObject(d: { [k: string]: any }): ota.v1.Rejection;
            static toObject(m: ota.v1.Rejection, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Rejection {
            interface $Properties {
                topic?: (string|null);
                reason?: (string|null);
                message?: (string|null);
                executionId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = ota.v1.Rejection.$Properties;
        }
    }
}
