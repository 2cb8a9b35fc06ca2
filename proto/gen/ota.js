/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const ota = $root.ota = (() => {

    /**
     * Namespace ota.
     * @exports ota
     * @namespace
     */
    const ota = {};

    ota.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof ota
         * @namespace
         */
        const v1 = {};

        /**
         * Bus enum.
         * @name ota.v1.Bus
         * @enum {number}
         * @property {number} BUS_UNSPECIFIED=0 BUS_UNSPECIFIED value
         * @property {number} CAN=1 CAN value
         * @property {number} CAN_FD=2 CAN_FD value
         * @property {number} LIN=3 LIN value
         * @property {number} ETHERNET=4 ETHERNET value
         */
        v1.Bus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "BUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CAN"] = 1;
            values[valuesById[2] = "CAN_FD"] = 2;
            values[valuesById[3] = "LIN"] = 3;
            values[valuesById[4] = "ETHERNET"] = 4;
            return values;
        })();

        /**
         * ResultCode enum.
         * @name ota.v1.ResultCode
         * @enum {number}
         * @property {number} RESULT_UNSPECIFIED=0 RESULT_UNSPECIFIED value
         * @property {number} OK=1 OK value
         * @property {number} ALREADY_PROCESSED=2 ALREADY_PROCESSED value
         * @property {number} VERIFICATION_FAILED=3 VERIFICATION_FAILED value
         * @property {number} INSTALL_FAILED=4 INSTALL_FAILED value
         * @property {number} DOWNLOAD_FAILED=5 DOWNLOAD_FAILED value
         * @property {number} INTERNAL_ERROR=18 INTERNAL_ERROR value
         * @property {number} GENERAL_ERROR=19 GENERAL_ERROR value
         * @property {number} OPERATION_CANCELLED=23 OPERATION_CANCELLED value
         * @property {number} SIGNATURE_INVALID=30 SIGNATURE_INVALID value
         * @property {number} METADATA_EXPIRED=31 METADATA_EXPIRED value
         * @property {number} ROLLBACK_DETECTED=32 ROLLBACK_DETECTED value
         * @property {number} HARDWARE_ID_MISMATCH=33 HARDWARE_ID_MISMATCH value
         * @property {number} HASH_MISMATCH=34 HASH_MISMATCH value
         * @property {number} LENGTH_EXCEEDED=35 LENGTH_EXCEEDED value
         * @property {number} VIN_MISMATCH=36 VIN_MISMATCH value
         * @property {number} ECU_NOT_FOUND=37 ECU_NOT_FOUND value
         * @property {number} UNKNOWN_KEY=38 UNKNOWN_KEY value
         * @property {number} NONCE_MISMATCH=39 NONCE_MISMATCH value
         * @property {number} PRECONDITIONS_NOT_MET=40 PRECONDITIONS_NOT_MET value
         * @property {number} LOW_BATTERY=41 LOW_BATTERY value
         * @property {number} ECU_NOT_RESPONDING=43 ECU_NOT_RESPONDING value
         * @property {number} FLASH_FAILED=44 FLASH_FAILED value
         * @property {number} POWER_LOSS=46 POWER_LOSS value
         * @property {number} ROLLED_BACK=47 ROLLED_BACK value
         * @property {number} CONSENT_DECLINED=48 CONSENT_DECLINED value
         * @property {number} BUSY=49 BUSY value
         * @property {number} CONSENT_POSTPONED=50 CONSENT_POSTPONED value
         * @property {number} PARTIAL_BUNDLE=60 PARTIAL_BUNDLE value
         * @property {number} NOT_ATTEMPTED=61 NOT_ATTEMPTED value
         * @property {number} TARGETS_DISAGREE=70 TARGETS_DISAGREE value
         * @property {number} ROOT_INVALID=71 ROOT_INVALID value
         * @property {number} SLOW_RETRIEVAL=72 SLOW_RETRIEVAL value
         */
        v1.ResultCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RESULT_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OK"] = 1;
            values[valuesById[2] = "ALREADY_PROCESSED"] = 2;
            values[valuesById[3] = "VERIFICATION_FAILED"] = 3;
            values[valuesById[4] = "INSTALL_FAILED"] = 4;
            values[valuesById[5] = "DOWNLOAD_FAILED"] = 5;
            values[valuesById[18] = "INTERNAL_ERROR"] = 18;
            values[valuesById[19] = "GENERAL_ERROR"] = 19;
            values[valuesById[23] = "OPERATION_CANCELLED"] = 23;
            values[valuesById[30] = "SIGNATURE_INVALID"] = 30;
            values[valuesById[31] = "METADATA_EXPIRED"] = 31;
            values[valuesById[32] = "ROLLBACK_DETECTED"] = 32;
            values[valuesById[33] = "HARDWARE_ID_MISMATCH"] = 33;
            values[valuesById[34] = "HASH_MISMATCH"] = 34;
            values[valuesById[35] = "LENGTH_EXCEEDED"] = 35;
            values[valuesById[36] = "VIN_MISMATCH"] = 36;
            values[valuesById[37] = "ECU_NOT_FOUND"] = 37;
            values[valuesById[38] = "UNKNOWN_KEY"] = 38;
            values[valuesById[39] = "NONCE_MISMATCH"] = 39;
            values[valuesById[40] = "PRECONDITIONS_NOT_MET"] = 40;
            values[valuesById[41] = "LOW_BATTERY"] = 41;
            values[valuesById[43] = "ECU_NOT_RESPONDING"] = 43;
            values[valuesById[44] = "FLASH_FAILED"] = 44;
            values[valuesById[46] = "POWER_LOSS"] = 46;
            values[valuesById[47] = "ROLLED_BACK"] = 47;
            values[valuesById[48] = "CONSENT_DECLINED"] = 48;
            values[valuesById[49] = "BUSY"] = 49;
            values[valuesById[50] = "CONSENT_POSTPONED"] = 50;
            values[valuesById[60] = "PARTIAL_BUNDLE"] = 60;
            values[valuesById[61] = "NOT_ATTEMPTED"] = 61;
            values[valuesById[70] = "TARGETS_DISAGREE"] = 70;
            values[valuesById[71] = "ROOT_INVALID"] = 71;
            values[valuesById[72] = "SLOW_RETRIEVAL"] = 72;
            return values;
        })();

        /**
         * SigMethod enum.
         * @name ota.v1.SigMethod
         * @enum {number}
         * @property {number} SIG_METHOD_UNSPECIFIED=0 SIG_METHOD_UNSPECIFIED value
         * @property {number} ED25519=1 ED25519 value
         */
        v1.SigMethod = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SIG_METHOD_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ED25519"] = 1;
            return values;
        })();

        v1.Signature = (function() {

            /**
             * Properties of a Signature.
             * @typedef {Object} ota.v1.Signature.$Properties
             * @property {string|null} [keyId] Signature keyId
             * @property {ota.v1.SigMethod|null} [method] Signature method
             * @property {Uint8Array|null} [sig] Signature sig
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Signature.
             * @memberof ota.v1
             * @interface ISignature
             * @augments ota.v1.Signature.$Properties
             * @deprecated Use ota.v1.Signature.$Properties instead.
             */

            /**
             * Shape of a Signature.
             * @typedef {ota.v1.Signature.$Properties} ota.v1.Signature.$Shape
             */

            /**
             * Constructs a new Signature.
             * @memberof ota.v1
             * @classdesc Represents a Signature.
             * @constructor
             * @param {ota.v1.Signature.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Signature = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Signature keyId.
             * @member {string} keyId
             * @memberof ota.v1.Signature
             * @instance
             */
            Signature.prototype.keyId = "";

            /**
             * Signature method.
             * @member {ota.v1.SigMethod} method
             * @memberof ota.v1.Signature
             * @instance
             */
            Signature.prototype.method = 0;

            /**
             * Signature sig.
             * @member {Uint8Array} sig
             * @memberof ota.v1.Signature
             * @instance
             */
            Signature.prototype.sig = $util.newBuffer([]);

            /**
             * Creates a new Signature instance using the specified properties.
             * @function create
             * @memberof ota.v1.Signature
             * @static
             * @param {ota.v1.Signature.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Signature} Signature instance
             * @type {{
             *   (properties: ota.v1.Signature.$Shape): ota.v1.Signature & ota.v1.Signature.$Shape;
             *   (properties?: ota.v1.Signature.$Properties): ota.v1.Signature;
             * }}
             */
            Signature.create = function(properties) {
                return new Signature(properties);
            };

            /**
             * Encodes the specified Signature message. Does not implicitly {@link ota.v1.Signature.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Signature
             * @static
             * @param {ota.v1.Signature.$Properties} m Signature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Signature.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.keyId);
                if (m.method != null && $Object.hasOwnProperty.call(m, "method") && m.method !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.method);
                if (m.sig != null && $Object.hasOwnProperty.call(m, "sig") && m.sig.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.sig);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Signature message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Signature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Signature & ota.v1.Signature.$Shape} Signature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Signature.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Signature();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.method = v;
                            else
                                delete m.method;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sig = v;
                            else
                                delete m.sig;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Signature message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Signature
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Signature} Signature
             */
            Signature.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Signature)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Signature: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Signature();
                if (d.keyId != null) {
                    if (typeof d.keyId !== "string" || d.keyId.length) {
                        m.keyId = $String(d.keyId);
                    }
                }
                if (d.method !== 0 && (typeof d.method !== "string" || $root.ota.v1.SigMethod[d.method] !== 0)) {
                    switch (d.method) {
                    case "SIG_METHOD_UNSPECIFIED":
                    case 0:
                        m.method = 0;
                        break;
                    case "ED25519":
                    case 1:
                        m.method = 1;
                        break;
                    default:
                        if (typeof d.method === "number" && (d.method | 0) === d.method)
                            m.method = d.method;
                    }
                }
                if (d.sig != null) {
                    if (d.sig.length) {
                        if (typeof d.sig === "string")
                            $util.base64.decode(d.sig, m.sig = $util.newBuffer($util.base64.length(d.sig)), 0);
                        else if (d.sig.length >= 0)
                            m.sig = d.sig;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Signature message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Signature
             * @static
             * @param {ota.v1.Signature} m Signature
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Signature.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.keyId = "";
                    d.method = o.enums === $String ? "SIG_METHOD_UNSPECIFIED" : 0;
                    if (o.bytes === $String)
                        d.sig = "";
                    else {
                        d.sig = [];
                        if (o.bytes !== $Array)
                            d.sig = $util.newBuffer(d.sig);
                    }
                }
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId")) {
                    d.keyId = m.keyId;
                }
                if (m.method != null && $Object.hasOwnProperty.call(m, "method")) {
                    d.method = o.enums === $String ? $root.ota.v1.SigMethod[m.method] === $undefined ? m.method : $root.ota.v1.SigMethod[m.method] : m.method;
                }
                if (m.sig != null && $Object.hasOwnProperty.call(m, "sig")) {
                    d.sig = o.bytes === $String ? $util.base64.encode(m.sig, 0, m.sig.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.sig) : m.sig;
                }
                return d;
            };

            /**
             * Converts this Signature to JSON.
             * @function toJSON
             * @memberof ota.v1.Signature
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Signature.prototype.toJSON = function() {
                return Signature.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Signature
             * @function getTypeUrl
             * @memberof ota.v1.Signature
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Signature.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Signature";
            };

            return Signature;
        })();

        v1.Signed = (function() {

            /**
             * Properties of a Signed.
             * @typedef {Object} ota.v1.Signed.$Properties
             * @property {string|null} [payloadType] Signed payloadType
             * @property {Uint8Array|null} [payload] Signed payload
             * @property {Array.<ota.v1.Signature.$Properties>|null} [signatures] Signed signatures
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Signed.
             * @memberof ota.v1
             * @interface ISigned
             * @augments ota.v1.Signed.$Properties
             * @deprecated Use ota.v1.Signed.$Properties instead.
             */

            /**
             * Shape of a Signed.
             * @typedef {ota.v1.Signed.$Properties} ota.v1.Signed.$Shape
             */

            /**
             * Constructs a new Signed.
             * @memberof ota.v1
             * @classdesc Represents a Signed.
             * @constructor
             * @param {ota.v1.Signed.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Signed = function (p) {
                this.signatures = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Signed payloadType.
             * @member {string} payloadType
             * @memberof ota.v1.Signed
             * @instance
             */
            Signed.prototype.payloadType = "";

            /**
             * Signed payload.
             * @member {Uint8Array} payload
             * @memberof ota.v1.Signed
             * @instance
             */
            Signed.prototype.payload = $util.newBuffer([]);

            /**
             * Signed signatures.
             * @member {Array.<ota.v1.Signature.$Properties>} signatures
             * @memberof ota.v1.Signed
             * @instance
             */
            Signed.prototype.signatures = $util.emptyArray;

            /**
             * Creates a new Signed instance using the specified properties.
             * @function create
             * @memberof ota.v1.Signed
             * @static
             * @param {ota.v1.Signed.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Signed} Signed instance
             * @type {{
             *   (properties: ota.v1.Signed.$Shape): ota.v1.Signed & ota.v1.Signed.$Shape;
             *   (properties?: ota.v1.Signed.$Properties): ota.v1.Signed;
             * }}
             */
            Signed.create = function(properties) {
                return new Signed(properties);
            };

            /**
             * Encodes the specified Signed message. Does not implicitly {@link ota.v1.Signed.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Signed
             * @static
             * @param {ota.v1.Signed.$Properties} m Signed message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Signed.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.payloadType != null && $Object.hasOwnProperty.call(m, "payloadType") && m.payloadType !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.payloadType);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.payload);
                if (m.signatures != null && m.signatures.length) {
                    for (var i = 0; i < m.signatures.length; ++i)
                        $root.ota.v1.Signature.encode(m.signatures[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Signed message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Signed
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Signed & ota.v1.Signed.$Shape} Signed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Signed.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Signed();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.payloadType = v;
                            else
                                delete m.payloadType;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.signatures && m.signatures.length))
                                m.signatures = [];
                            m.signatures.push($root.ota.v1.Signature.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Signed message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Signed
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Signed} Signed
             */
            Signed.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Signed)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Signed: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Signed();
                if (d.payloadType != null) {
                    if (typeof d.payloadType !== "string" || d.payloadType.length) {
                        m.payloadType = $String(d.payloadType);
                    }
                }
                if (d.payload != null) {
                    if (d.payload.length) {
                        if (typeof d.payload === "string")
                            $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                        else if (d.payload.length >= 0)
                            m.payload = d.payload;
                    }
                }
                if (d.signatures) {
                    if (!$Array.isArray(d.signatures))
                        throw $TypeError(".ota.v1.Signed.signatures: array expected");
                    m.signatures = $Array(d.signatures.length);
                    for (var i = 0; i < d.signatures.length; ++i) {
                        if (!$util.isObject(d.signatures[i]))
                            throw $TypeError(".ota.v1.Signed.signatures: object expected");
                        m.signatures[i] = $root.ota.v1.Signature.fromObject(d.signatures[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Signed message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Signed
             * @static
             * @param {ota.v1.Signed} m Signed
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Signed.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.signatures = [];
                }
                if (o.defaults) {
                    d.payloadType = "";
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                }
                if (m.payloadType != null && $Object.hasOwnProperty.call(m, "payloadType")) {
                    d.payloadType = m.payloadType;
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                if (m.signatures && m.signatures.length) {
                    d.signatures = $Array(m.signatures.length);
                    for (var j = 0; j < m.signatures.length; ++j) {
                        d.signatures[j] = $root.ota.v1.Signature.toObject(m.signatures[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this Signed to JSON.
             * @function toJSON
             * @memberof ota.v1.Signed
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Signed.prototype.toJSON = function() {
                return Signed.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Signed
             * @function getTypeUrl
             * @memberof ota.v1.Signed
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Signed.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Signed";
            };

            return Signed;
        })();

        v1.PublicKey = (function() {

            /**
             * Properties of a PublicKey.
             * @typedef {Object} ota.v1.PublicKey.$Properties
             * @property {string|null} [keyId] PublicKey keyId
             * @property {ota.v1.SigMethod|null} [method] PublicKey method
             * @property {Uint8Array|null} [spkiDer] PublicKey spkiDer
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PublicKey.
             * @memberof ota.v1
             * @interface IPublicKey
             * @augments ota.v1.PublicKey.$Properties
             * @deprecated Use ota.v1.PublicKey.$Properties instead.
             */

            /**
             * Shape of a PublicKey.
             * @typedef {ota.v1.PublicKey.$Properties} ota.v1.PublicKey.$Shape
             */

            /**
             * Constructs a new PublicKey.
             * @memberof ota.v1
             * @classdesc Represents a PublicKey.
             * @constructor
             * @param {ota.v1.PublicKey.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PublicKey = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PublicKey keyId.
             * @member {string} keyId
             * @memberof ota.v1.PublicKey
             * @instance
             */
            PublicKey.prototype.keyId = "";

            /**
             * PublicKey method.
             * @member {ota.v1.SigMethod} method
             * @memberof ota.v1.PublicKey
             * @instance
             */
            PublicKey.prototype.method = 0;

            /**
             * PublicKey spkiDer.
             * @member {Uint8Array} spkiDer
             * @memberof ota.v1.PublicKey
             * @instance
             */
            PublicKey.prototype.spkiDer = $util.newBuffer([]);

            /**
             * Creates a new PublicKey instance using the specified properties.
             * @function create
             * @memberof ota.v1.PublicKey
             * @static
             * @param {ota.v1.PublicKey.$Properties=} [properties] Properties to set
             * @returns {ota.v1.PublicKey} PublicKey instance
             * @type {{
             *   (properties: ota.v1.PublicKey.$Shape): ota.v1.PublicKey & ota.v1.PublicKey.$Shape;
             *   (properties?: ota.v1.PublicKey.$Properties): ota.v1.PublicKey;
             * }}
             */
            PublicKey.create = function(properties) {
                return new PublicKey(properties);
            };

            /**
             * Encodes the specified PublicKey message. Does not implicitly {@link ota.v1.PublicKey.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.PublicKey
             * @static
             * @param {ota.v1.PublicKey.$Properties} m PublicKey message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublicKey.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.keyId);
                if (m.method != null && $Object.hasOwnProperty.call(m, "method") && m.method !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.method);
                if (m.spkiDer != null && $Object.hasOwnProperty.call(m, "spkiDer") && m.spkiDer.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.spkiDer);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PublicKey message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.PublicKey
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.PublicKey & ota.v1.PublicKey.$Shape} PublicKey
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublicKey.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.PublicKey();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.method = v;
                            else
                                delete m.method;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.spkiDer = v;
                            else
                                delete m.spkiDer;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a PublicKey message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.PublicKey
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.PublicKey} PublicKey
             */
            PublicKey.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.PublicKey)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.PublicKey: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.PublicKey();
                if (d.keyId != null) {
                    if (typeof d.keyId !== "string" || d.keyId.length) {
                        m.keyId = $String(d.keyId);
                    }
                }
                if (d.method !== 0 && (typeof d.method !== "string" || $root.ota.v1.SigMethod[d.method] !== 0)) {
                    switch (d.method) {
                    case "SIG_METHOD_UNSPECIFIED":
                    case 0:
                        m.method = 0;
                        break;
                    case "ED25519":
                    case 1:
                        m.method = 1;
                        break;
                    default:
                        if (typeof d.method === "number" && (d.method | 0) === d.method)
                            m.method = d.method;
                    }
                }
                if (d.spkiDer != null) {
                    if (d.spkiDer.length) {
                        if (typeof d.spkiDer === "string")
                            $util.base64.decode(d.spkiDer, m.spkiDer = $util.newBuffer($util.base64.length(d.spkiDer)), 0);
                        else if (d.spkiDer.length >= 0)
                            m.spkiDer = d.spkiDer;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PublicKey message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.PublicKey
             * @static
             * @param {ota.v1.PublicKey} m PublicKey
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PublicKey.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.keyId = "";
                    d.method = o.enums === $String ? "SIG_METHOD_UNSPECIFIED" : 0;
                    if (o.bytes === $String)
                        d.spkiDer = "";
                    else {
                        d.spkiDer = [];
                        if (o.bytes !== $Array)
                            d.spkiDer = $util.newBuffer(d.spkiDer);
                    }
                }
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId")) {
                    d.keyId = m.keyId;
                }
                if (m.method != null && $Object.hasOwnProperty.call(m, "method")) {
                    d.method = o.enums === $String ? $root.ota.v1.SigMethod[m.method] === $undefined ? m.method : $root.ota.v1.SigMethod[m.method] : m.method;
                }
                if (m.spkiDer != null && $Object.hasOwnProperty.call(m, "spkiDer")) {
                    d.spkiDer = o.bytes === $String ? $util.base64.encode(m.spkiDer, 0, m.spkiDer.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.spkiDer) : m.spkiDer;
                }
                return d;
            };

            /**
             * Converts this PublicKey to JSON.
             * @function toJSON
             * @memberof ota.v1.PublicKey
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PublicKey.prototype.toJSON = function() {
                return PublicKey.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PublicKey
             * @function getTypeUrl
             * @memberof ota.v1.PublicKey
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PublicKey.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.PublicKey";
            };

            return PublicKey;
        })();

        v1.RoleKeys = (function() {

            /**
             * Properties of a RoleKeys.
             * @typedef {Object} ota.v1.RoleKeys.$Properties
             * @property {Array.<string>|null} [keyIds] RoleKeys keyIds
             * @property {number|null} [threshold] RoleKeys threshold
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoleKeys.
             * @memberof ota.v1
             * @interface IRoleKeys
             * @augments ota.v1.RoleKeys.$Properties
             * @deprecated Use ota.v1.RoleKeys.$Properties instead.
             */

            /**
             * Shape of a RoleKeys.
             * @typedef {ota.v1.RoleKeys.$Properties} ota.v1.RoleKeys.$Shape
             */

            /**
             * Constructs a new RoleKeys.
             * @memberof ota.v1
             * @classdesc Represents a RoleKeys.
             * @constructor
             * @param {ota.v1.RoleKeys.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoleKeys = function (p) {
                this.keyIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoleKeys keyIds.
             * @member {Array.<string>} keyIds
             * @memberof ota.v1.RoleKeys
             * @instance
             */
            RoleKeys.prototype.keyIds = $util.emptyArray;

            /**
             * RoleKeys threshold.
             * @member {number} threshold
             * @memberof ota.v1.RoleKeys
             * @instance
             */
            RoleKeys.prototype.threshold = 0;

            /**
             * Creates a new RoleKeys instance using the specified properties.
             * @function create
             * @memberof ota.v1.RoleKeys
             * @static
             * @param {ota.v1.RoleKeys.$Properties=} [properties] Properties to set
             * @returns {ota.v1.RoleKeys} RoleKeys instance
             * @type {{
             *   (properties: ota.v1.RoleKeys.$Shape): ota.v1.RoleKeys & ota.v1.RoleKeys.$Shape;
             *   (properties?: ota.v1.RoleKeys.$Properties): ota.v1.RoleKeys;
             * }}
             */
            RoleKeys.create = function(properties) {
                return new RoleKeys(properties);
            };

            /**
             * Encodes the specified RoleKeys message. Does not implicitly {@link ota.v1.RoleKeys.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.RoleKeys
             * @static
             * @param {ota.v1.RoleKeys.$Properties} m RoleKeys message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoleKeys.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.keyIds != null && m.keyIds.length) {
                    for (var i = 0; i < m.keyIds.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).string(m.keyIds[i]);
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && m.threshold !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.threshold);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoleKeys message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.RoleKeys
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.RoleKeys & ota.v1.RoleKeys.$Shape} RoleKeys
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoleKeys.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.RoleKeys();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.keyIds && m.keyIds.length))
                                m.keyIds = [];
                            m.keyIds.push(r.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a RoleKeys message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.RoleKeys
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.RoleKeys} RoleKeys
             */
            RoleKeys.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.RoleKeys)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.RoleKeys: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.RoleKeys();
                if (d.keyIds) {
                    if (!$Array.isArray(d.keyIds))
                        throw $TypeError(".ota.v1.RoleKeys.keyIds: array expected");
                    m.keyIds = $Array(d.keyIds.length);
                    for (var i = 0; i < d.keyIds.length; ++i) {
                        m.keyIds[i] = $String(d.keyIds[i]);
                    }
                }
                if (d.threshold != null) {
                    if ($Number(d.threshold) !== 0) {
                        m.threshold = d.threshold >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RoleKeys message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.RoleKeys
             * @static
             * @param {ota.v1.RoleKeys} m RoleKeys
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RoleKeys.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.keyIds = [];
                }
                if (o.defaults) {
                    d.threshold = 0;
                }
                if (m.keyIds && m.keyIds.length) {
                    d.keyIds = $Array(m.keyIds.length);
                    for (var j = 0; j < m.keyIds.length; ++j) {
                        d.keyIds[j] = m.keyIds[j];
                    }
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    d.threshold = m.threshold;
                }
                return d;
            };

            /**
             * Converts this RoleKeys to JSON.
             * @function toJSON
             * @memberof ota.v1.RoleKeys
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RoleKeys.prototype.toJSON = function() {
                return RoleKeys.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RoleKeys
             * @function getTypeUrl
             * @memberof ota.v1.RoleKeys
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoleKeys.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.RoleKeys";
            };

            return RoleKeys;
        })();

        v1.RootMetadata = (function() {

            /**
             * Properties of a RootMetadata.
             * @typedef {Object} ota.v1.RootMetadata.$Properties
             * @property {number|Long|null} [version] RootMetadata version
             * @property {number|Long|null} [expiresAtMs] RootMetadata expiresAtMs
             * @property {Array.<ota.v1.PublicKey.$Properties>|null} [keys] RootMetadata keys
             * @property {ota.v1.RoleKeys.$Properties|null} [root] RootMetadata root
             * @property {ota.v1.RoleKeys.$Properties|null} [release] RootMetadata release
             * @property {ota.v1.RoleKeys.$Properties|null} [director] RootMetadata director
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RootMetadata.
             * @memberof ota.v1
             * @interface IRootMetadata
             * @augments ota.v1.RootMetadata.$Properties
             * @deprecated Use ota.v1.RootMetadata.$Properties instead.
             */

            /**
             * Shape of a RootMetadata.
             * @typedef {ota.v1.RootMetadata.$Properties} ota.v1.RootMetadata.$Shape
             */

            /**
             * Constructs a new RootMetadata.
             * @memberof ota.v1
             * @classdesc Represents a RootMetadata.
             * @constructor
             * @param {ota.v1.RootMetadata.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RootMetadata = function (p) {
                this.keys = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RootMetadata version.
             * @member {number|Long} version
             * @memberof ota.v1.RootMetadata
             * @instance
             */
            RootMetadata.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RootMetadata expiresAtMs.
             * @member {number|Long} expiresAtMs
             * @memberof ota.v1.RootMetadata
             * @instance
             */
            RootMetadata.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RootMetadata keys.
             * @member {Array.<ota.v1.PublicKey.$Properties>} keys
             * @memberof ota.v1.RootMetadata
             * @instance
             */
            RootMetadata.prototype.keys = $util.emptyArray;

            /**
             * RootMetadata root.
             * @member {ota.v1.RoleKeys.$Properties|null|undefined} root
             * @memberof ota.v1.RootMetadata
             * @instance
             */
            RootMetadata.prototype.root = null;

            /**
             * RootMetadata release.
             * @member {ota.v1.RoleKeys.$Properties|null|undefined} release
             * @memberof ota.v1.RootMetadata
             * @instance
             */
            RootMetadata.prototype.release = null;

            /**
             * RootMetadata director.
             * @member {ota.v1.RoleKeys.$Properties|null|undefined} director
             * @memberof ota.v1.RootMetadata
             * @instance
             */
            RootMetadata.prototype.director = null;

            /**
             * Creates a new RootMetadata instance using the specified properties.
             * @function create
             * @memberof ota.v1.RootMetadata
             * @static
             * @param {ota.v1.RootMetadata.$Properties=} [properties] Properties to set
             * @returns {ota.v1.RootMetadata} RootMetadata instance
             * @type {{
             *   (properties: ota.v1.RootMetadata.$Shape): ota.v1.RootMetadata & ota.v1.RootMetadata.$Shape;
             *   (properties?: ota.v1.RootMetadata.$Properties): ota.v1.RootMetadata;
             * }}
             */
            RootMetadata.create = function(properties) {
                return new RootMetadata(properties);
            };

            /**
             * Encodes the specified RootMetadata message. Does not implicitly {@link ota.v1.RootMetadata.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.RootMetadata
             * @static
             * @param {ota.v1.RootMetadata.$Properties} m RootMetadata message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RootMetadata.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && (typeof m.version === "object" ? m.version.low || m.version.high : m.version !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.version);
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.expiresAtMs);
                if (m.keys != null && m.keys.length) {
                    for (var i = 0; i < m.keys.length; ++i)
                        $root.ota.v1.PublicKey.encode(m.keys[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                }
                if (m.root != null && $Object.hasOwnProperty.call(m, "root"))
                    $root.ota.v1.RoleKeys.encode(m.root, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.release != null && $Object.hasOwnProperty.call(m, "release"))
                    $root.ota.v1.RoleKeys.encode(m.release, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.director != null && $Object.hasOwnProperty.call(m, "director"))
                    $root.ota.v1.RoleKeys.encode(m.director, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RootMetadata message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.RootMetadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.RootMetadata & ota.v1.RootMetadata.$Shape} RootMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RootMetadata.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.RootMetadata();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.keys && m.keys.length))
                                m.keys = [];
                            m.keys.push($root.ota.v1.PublicKey.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.root = $root.ota.v1.RoleKeys.decode(r, r.size(), $undefined, q + 1, m.root);
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.release = $root.ota.v1.RoleKeys.decode(r, r.size(), $undefined, q + 1, m.release);
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.director = $root.ota.v1.RoleKeys.decode(r, r.size(), $undefined, q + 1, m.director);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a RootMetadata message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.RootMetadata
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.RootMetadata} RootMetadata
             */
            RootMetadata.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.RootMetadata)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.RootMetadata: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.RootMetadata();
                if (d.version != null) {
                    if (typeof d.version === "object" ? d.version.low || d.version.high : $Number(d.version) !== 0) {
                        if ($util.Long)
                            m.version = $util.Long.fromValue(d.version, true);
                        else if (typeof d.version === "string")
                            m.version = $parseInt(d.version, 10);
                        else if (typeof d.version === "number")
                            m.version = d.version;
                        else if (typeof d.version === "object")
                            m.version = new $util.LongBits(d.version.low >>> 0, d.version.high >>> 0).toNumber(true);
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.keys) {
                    if (!$Array.isArray(d.keys))
                        throw $TypeError(".ota.v1.RootMetadata.keys: array expected");
                    m.keys = $Array(d.keys.length);
                    for (var i = 0; i < d.keys.length; ++i) {
                        if (!$util.isObject(d.keys[i]))
                            throw $TypeError(".ota.v1.RootMetadata.keys: object expected");
                        m.keys[i] = $root.ota.v1.PublicKey.fromObject(d.keys[i], q + 1);
                    }
                }
                if (d.root != null) {
                    if (!$util.isObject(d.root))
                        throw $TypeError(".ota.v1.RootMetadata.root: object expected");
                    m.root = $root.ota.v1.RoleKeys.fromObject(d.root, q + 1);
                }
                if (d.release != null) {
                    if (!$util.isObject(d.release))
                        throw $TypeError(".ota.v1.RootMetadata.release: object expected");
                    m.release = $root.ota.v1.RoleKeys.fromObject(d.release, q + 1);
                }
                if (d.director != null) {
                    if (!$util.isObject(d.director))
                        throw $TypeError(".ota.v1.RootMetadata.director: object expected");
                    m.director = $root.ota.v1.RoleKeys.fromObject(d.director, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a RootMetadata message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.RootMetadata
             * @static
             * @param {ota.v1.RootMetadata} m RootMetadata
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RootMetadata.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.keys = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.version = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.version = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.root = null;
                    d.release = null;
                    d.director = null;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.version = typeof m.version === "number" ? $BigInt(m.version) : $util.Long.fromBits(m.version.low >>> 0, m.version.high >>> 0, true).toBigInt();
                    else if (typeof m.version === "number")
                        d.version = o.longs === $String ? $String(m.version) : m.version;
                    else
                        d.version = o.longs === $String ? $util.Long.prototype.toString.call(m.version) : o.longs === $Number ? new $util.LongBits(m.version.low >>> 0, m.version.high >>> 0).toNumber(true) : m.version;
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                if (m.keys && m.keys.length) {
                    d.keys = $Array(m.keys.length);
                    for (var j = 0; j < m.keys.length; ++j) {
                        d.keys[j] = $root.ota.v1.PublicKey.toObject(m.keys[j], o, q + 1);
                    }
                }
                if (m.root != null && $Object.hasOwnProperty.call(m, "root")) {
                    d.root = $root.ota.v1.RoleKeys.toObject(m.root, o, q + 1);
                }
                if (m.release != null && $Object.hasOwnProperty.call(m, "release")) {
                    d.release = $root.ota.v1.RoleKeys.toObject(m.release, o, q + 1);
                }
                if (m.director != null && $Object.hasOwnProperty.call(m, "director")) {
                    d.director = $root.ota.v1.RoleKeys.toObject(m.director, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this RootMetadata to JSON.
             * @function toJSON
             * @memberof ota.v1.RootMetadata
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RootMetadata.prototype.toJSON = function() {
                return RootMetadata.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RootMetadata
             * @function getTypeUrl
             * @memberof ota.v1.RootMetadata
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RootMetadata.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.RootMetadata";
            };

            return RootMetadata;
        })();

        v1.EcuVersion = (function() {

            /**
             * Properties of an EcuVersion.
             * @typedef {Object} ota.v1.EcuVersion.$Properties
             * @property {string|null} [module] EcuVersion module
             * @property {string|null} [serial] EcuVersion serial
             * @property {string|null} [hardwareId] EcuVersion hardwareId
             * @property {ota.v1.Bus|null} [bus] EcuVersion bus
             * @property {string|null} [softwareVersion] EcuVersion softwareVersion
             * @property {string|null} [calibration] EcuVersion calibration
             * @property {number|null} [releaseCounter] EcuVersion releaseCounter
             * @property {string|null} [activeBank] EcuVersion activeBank
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcuVersion.
             * @memberof ota.v1
             * @interface IEcuVersion
             * @augments ota.v1.EcuVersion.$Properties
             * @deprecated Use ota.v1.EcuVersion.$Properties instead.
             */

            /**
             * Shape of an EcuVersion.
             * @typedef {ota.v1.EcuVersion.$Properties} ota.v1.EcuVersion.$Shape
             */

            /**
             * Constructs a new EcuVersion.
             * @memberof ota.v1
             * @classdesc Represents an EcuVersion.
             * @constructor
             * @param {ota.v1.EcuVersion.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcuVersion = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcuVersion module.
             * @member {string} module
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.module = "";

            /**
             * EcuVersion serial.
             * @member {string} serial
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.serial = "";

            /**
             * EcuVersion hardwareId.
             * @member {string} hardwareId
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.hardwareId = "";

            /**
             * EcuVersion bus.
             * @member {ota.v1.Bus} bus
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.bus = 0;

            /**
             * EcuVersion softwareVersion.
             * @member {string} softwareVersion
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.softwareVersion = "";

            /**
             * EcuVersion calibration.
             * @member {string} calibration
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.calibration = "";

            /**
             * EcuVersion releaseCounter.
             * @member {number} releaseCounter
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.releaseCounter = 0;

            /**
             * EcuVersion activeBank.
             * @member {string} activeBank
             * @memberof ota.v1.EcuVersion
             * @instance
             */
            EcuVersion.prototype.activeBank = "";

            /**
             * Creates a new EcuVersion instance using the specified properties.
             * @function create
             * @memberof ota.v1.EcuVersion
             * @static
             * @param {ota.v1.EcuVersion.$Properties=} [properties] Properties to set
             * @returns {ota.v1.EcuVersion} EcuVersion instance
             * @type {{
             *   (properties: ota.v1.EcuVersion.$Shape): ota.v1.EcuVersion & ota.v1.EcuVersion.$Shape;
             *   (properties?: ota.v1.EcuVersion.$Properties): ota.v1.EcuVersion;
             * }}
             */
            EcuVersion.create = function(properties) {
                return new EcuVersion(properties);
            };

            /**
             * Encodes the specified EcuVersion message. Does not implicitly {@link ota.v1.EcuVersion.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.EcuVersion
             * @static
             * @param {ota.v1.EcuVersion.$Properties} m EcuVersion message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcuVersion.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.module != null && $Object.hasOwnProperty.call(m, "module") && m.module !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.module);
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial") && m.serial !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.serial);
                if (m.hardwareId != null && $Object.hasOwnProperty.call(m, "hardwareId") && m.hardwareId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.hardwareId);
                if (m.bus != null && $Object.hasOwnProperty.call(m, "bus") && m.bus !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.bus);
                if (m.softwareVersion != null && $Object.hasOwnProperty.call(m, "softwareVersion") && m.softwareVersion !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.softwareVersion);
                if (m.calibration != null && $Object.hasOwnProperty.call(m, "calibration") && m.calibration !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.calibration);
                if (m.releaseCounter != null && $Object.hasOwnProperty.call(m, "releaseCounter") && m.releaseCounter !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.releaseCounter);
                if (m.activeBank != null && $Object.hasOwnProperty.call(m, "activeBank") && m.activeBank !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.activeBank);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcuVersion message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.EcuVersion
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.EcuVersion & ota.v1.EcuVersion.$Shape} EcuVersion
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcuVersion.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.EcuVersion();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.module = v;
                            else
                                delete m.module;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.serial = v;
                            else
                                delete m.serial;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hardwareId = v;
                            else
                                delete m.hardwareId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.bus = v;
                            else
                                delete m.bus;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.softwareVersion = v;
                            else
                                delete m.softwareVersion;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.calibration = v;
                            else
                                delete m.calibration;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.releaseCounter = v;
                            else
                                delete m.releaseCounter;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.activeBank = v;
                            else
                                delete m.activeBank;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an EcuVersion message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.EcuVersion
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.EcuVersion} EcuVersion
             */
            EcuVersion.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.EcuVersion)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.EcuVersion: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.EcuVersion();
                if (d.module != null) {
                    if (typeof d.module !== "string" || d.module.length) {
                        m.module = $String(d.module);
                    }
                }
                if (d.serial != null) {
                    if (typeof d.serial !== "string" || d.serial.length) {
                        m.serial = $String(d.serial);
                    }
                }
                if (d.hardwareId != null) {
                    if (typeof d.hardwareId !== "string" || d.hardwareId.length) {
                        m.hardwareId = $String(d.hardwareId);
                    }
                }
                if (d.bus !== 0 && (typeof d.bus !== "string" || $root.ota.v1.Bus[d.bus] !== 0)) {
                    switch (d.bus) {
                    case "BUS_UNSPECIFIED":
                    case 0:
                        m.bus = 0;
                        break;
                    case "CAN":
                    case 1:
                        m.bus = 1;
                        break;
                    case "CAN_FD":
                    case 2:
                        m.bus = 2;
                        break;
                    case "LIN":
                    case 3:
                        m.bus = 3;
                        break;
                    case "ETHERNET":
                    case 4:
                        m.bus = 4;
                        break;
                    default:
                        if (typeof d.bus === "number" && (d.bus | 0) === d.bus)
                            m.bus = d.bus;
                    }
                }
                if (d.softwareVersion != null) {
                    if (typeof d.softwareVersion !== "string" || d.softwareVersion.length) {
                        m.softwareVersion = $String(d.softwareVersion);
                    }
                }
                if (d.calibration != null) {
                    if (typeof d.calibration !== "string" || d.calibration.length) {
                        m.calibration = $String(d.calibration);
                    }
                }
                if (d.releaseCounter != null) {
                    if ($Number(d.releaseCounter) !== 0) {
                        m.releaseCounter = d.releaseCounter >>> 0;
                    }
                }
                if (d.activeBank != null) {
                    if (typeof d.activeBank !== "string" || d.activeBank.length) {
                        m.activeBank = $String(d.activeBank);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an EcuVersion message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.EcuVersion
             * @static
             * @param {ota.v1.EcuVersion} m EcuVersion
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EcuVersion.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.module = "";
                    d.serial = "";
                    d.hardwareId = "";
                    d.bus = o.enums === $String ? "BUS_UNSPECIFIED" : 0;
                    d.softwareVersion = "";
                    d.calibration = "";
                    d.releaseCounter = 0;
                    d.activeBank = "";
                }
                if (m.module != null && $Object.hasOwnProperty.call(m, "module")) {
                    d.module = m.module;
                }
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial")) {
                    d.serial = m.serial;
                }
                if (m.hardwareId != null && $Object.hasOwnProperty.call(m, "hardwareId")) {
                    d.hardwareId = m.hardwareId;
                }
                if (m.bus != null && $Object.hasOwnProperty.call(m, "bus")) {
                    d.bus = o.enums === $String ? $root.ota.v1.Bus[m.bus] === $undefined ? m.bus : $root.ota.v1.Bus[m.bus] : m.bus;
                }
                if (m.softwareVersion != null && $Object.hasOwnProperty.call(m, "softwareVersion")) {
                    d.softwareVersion = m.softwareVersion;
                }
                if (m.calibration != null && $Object.hasOwnProperty.call(m, "calibration")) {
                    d.calibration = m.calibration;
                }
                if (m.releaseCounter != null && $Object.hasOwnProperty.call(m, "releaseCounter")) {
                    d.releaseCounter = m.releaseCounter;
                }
                if (m.activeBank != null && $Object.hasOwnProperty.call(m, "activeBank")) {
                    d.activeBank = m.activeBank;
                }
                return d;
            };

            /**
             * Converts this EcuVersion to JSON.
             * @function toJSON
             * @memberof ota.v1.EcuVersion
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EcuVersion.prototype.toJSON = function() {
                return EcuVersion.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EcuVersion
             * @function getTypeUrl
             * @memberof ota.v1.EcuVersion
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcuVersion.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.EcuVersion";
            };

            return EcuVersion;
        })();

        v1.VehicleState = (function() {

            /**
             * Properties of a VehicleState.
             * @typedef {Object} ota.v1.VehicleState.$Properties
             * @property {number|null} [batteryPct] VehicleState batteryPct
             * @property {boolean|null} [parked] VehicleState parked
             * @property {boolean|null} [ignitionOn] VehicleState ignitionOn
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VehicleState.
             * @memberof ota.v1
             * @interface IVehicleState
             * @augments ota.v1.VehicleState.$Properties
             * @deprecated Use ota.v1.VehicleState.$Properties instead.
             */

            /**
             * Shape of a VehicleState.
             * @typedef {ota.v1.VehicleState.$Properties} ota.v1.VehicleState.$Shape
             */

            /**
             * Constructs a new VehicleState.
             * @memberof ota.v1
             * @classdesc Represents a VehicleState.
             * @constructor
             * @param {ota.v1.VehicleState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VehicleState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VehicleState batteryPct.
             * @member {number} batteryPct
             * @memberof ota.v1.VehicleState
             * @instance
             */
            VehicleState.prototype.batteryPct = 0;

            /**
             * VehicleState parked.
             * @member {boolean} parked
             * @memberof ota.v1.VehicleState
             * @instance
             */
            VehicleState.prototype.parked = false;

            /**
             * VehicleState ignitionOn.
             * @member {boolean} ignitionOn
             * @memberof ota.v1.VehicleState
             * @instance
             */
            VehicleState.prototype.ignitionOn = false;

            /**
             * Creates a new VehicleState instance using the specified properties.
             * @function create
             * @memberof ota.v1.VehicleState
             * @static
             * @param {ota.v1.VehicleState.$Properties=} [properties] Properties to set
             * @returns {ota.v1.VehicleState} VehicleState instance
             * @type {{
             *   (properties: ota.v1.VehicleState.$Shape): ota.v1.VehicleState & ota.v1.VehicleState.$Shape;
             *   (properties?: ota.v1.VehicleState.$Properties): ota.v1.VehicleState;
             * }}
             */
            VehicleState.create = function(properties) {
                return new VehicleState(properties);
            };

            /**
             * Encodes the specified VehicleState message. Does not implicitly {@link ota.v1.VehicleState.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.VehicleState
             * @static
             * @param {ota.v1.VehicleState.$Properties} m VehicleState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VehicleState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.batteryPct != null && $Object.hasOwnProperty.call(m, "batteryPct") && m.batteryPct !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.batteryPct);
                if (m.parked != null && $Object.hasOwnProperty.call(m, "parked") && m.parked !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.parked);
                if (m.ignitionOn != null && $Object.hasOwnProperty.call(m, "ignitionOn") && m.ignitionOn !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.ignitionOn);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a VehicleState message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.VehicleState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.VehicleState & ota.v1.VehicleState.$Shape} VehicleState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VehicleState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.VehicleState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.batteryPct = v;
                            else
                                delete m.batteryPct;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.parked = v;
                            else
                                delete m.parked;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.ignitionOn = v;
                            else
                                delete m.ignitionOn;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a VehicleState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.VehicleState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.VehicleState} VehicleState
             */
            VehicleState.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.VehicleState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.VehicleState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.VehicleState();
                if (d.batteryPct != null) {
                    if ($Number(d.batteryPct) !== 0) {
                        m.batteryPct = d.batteryPct >>> 0;
                    }
                }
                if (d.parked != null) {
                    if (d.parked) {
                        m.parked = $Boolean(d.parked);
                    }
                }
                if (d.ignitionOn != null) {
                    if (d.ignitionOn) {
                        m.ignitionOn = $Boolean(d.ignitionOn);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a VehicleState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.VehicleState
             * @static
             * @param {ota.v1.VehicleState} m VehicleState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VehicleState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.batteryPct = 0;
                    d.parked = false;
                    d.ignitionOn = false;
                }
                if (m.batteryPct != null && $Object.hasOwnProperty.call(m, "batteryPct")) {
                    d.batteryPct = m.batteryPct;
                }
                if (m.parked != null && $Object.hasOwnProperty.call(m, "parked")) {
                    d.parked = m.parked;
                }
                if (m.ignitionOn != null && $Object.hasOwnProperty.call(m, "ignitionOn")) {
                    d.ignitionOn = m.ignitionOn;
                }
                return d;
            };

            /**
             * Converts this VehicleState to JSON.
             * @function toJSON
             * @memberof ota.v1.VehicleState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VehicleState.prototype.toJSON = function() {
                return VehicleState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VehicleState
             * @function getTypeUrl
             * @memberof ota.v1.VehicleState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VehicleState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.VehicleState";
            };

            return VehicleState;
        })();

        v1.VersionReport = (function() {

            /**
             * Properties of a VersionReport.
             * @typedef {Object} ota.v1.VersionReport.$Properties
             * @property {string|null} [vin] VersionReport vin
             * @property {number|Long|null} [reportCounter] VersionReport reportCounter
             * @property {number|Long|null} [sentAtMs] VersionReport sentAtMs
             * @property {Array.<ota.v1.EcuVersion.$Properties>|null} [ecus] VersionReport ecus
             * @property {Uint8Array|null} [nonce] VersionReport nonce
             * @property {number|Long|null} [rootVersion] VersionReport rootVersion
             * @property {ota.v1.VehicleState.$Properties|null} [state] VersionReport state
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VersionReport.
             * @memberof ota.v1
             * @interface IVersionReport
             * @augments ota.v1.VersionReport.$Properties
             * @deprecated Use ota.v1.VersionReport.$Properties instead.
             */

            /**
             * Shape of a VersionReport.
             * @typedef {ota.v1.VersionReport.$Properties} ota.v1.VersionReport.$Shape
             */

            /**
             * Constructs a new VersionReport.
             * @memberof ota.v1
             * @classdesc Represents a VersionReport.
             * @constructor
             * @param {ota.v1.VersionReport.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VersionReport = function (p) {
                this.ecus = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VersionReport vin.
             * @member {string} vin
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.vin = "";

            /**
             * VersionReport reportCounter.
             * @member {number|Long} reportCounter
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.reportCounter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VersionReport sentAtMs.
             * @member {number|Long} sentAtMs
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * VersionReport ecus.
             * @member {Array.<ota.v1.EcuVersion.$Properties>} ecus
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.ecus = $util.emptyArray;

            /**
             * VersionReport nonce.
             * @member {Uint8Array} nonce
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.nonce = $util.newBuffer([]);

            /**
             * VersionReport rootVersion.
             * @member {number|Long} rootVersion
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.rootVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VersionReport state.
             * @member {ota.v1.VehicleState.$Properties|null|undefined} state
             * @memberof ota.v1.VersionReport
             * @instance
             */
            VersionReport.prototype.state = null;

            /**
             * Creates a new VersionReport instance using the specified properties.
             * @function create
             * @memberof ota.v1.VersionReport
             * @static
             * @param {ota.v1.VersionReport.$Properties=} [properties] Properties to set
             * @returns {ota.v1.VersionReport} VersionReport instance
             * @type {{
             *   (properties: ota.v1.VersionReport.$Shape): ota.v1.VersionReport & ota.v1.VersionReport.$Shape;
             *   (properties?: ota.v1.VersionReport.$Properties): ota.v1.VersionReport;
             * }}
             */
            VersionReport.create = function(properties) {
                return new VersionReport(properties);
            };

            /**
             * Encodes the specified VersionReport message. Does not implicitly {@link ota.v1.VersionReport.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.VersionReport
             * @static
             * @param {ota.v1.VersionReport.$Properties} m VersionReport message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VersionReport.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.vin != null && $Object.hasOwnProperty.call(m, "vin") && m.vin !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.vin);
                if (m.reportCounter != null && $Object.hasOwnProperty.call(m, "reportCounter") && (typeof m.reportCounter === "object" ? m.reportCounter.low || m.reportCounter.high : m.reportCounter !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.reportCounter);
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.sentAtMs);
                if (m.ecus != null && m.ecus.length) {
                    for (var i = 0; i < m.ecus.length; ++i)
                        $root.ota.v1.EcuVersion.encode(m.ecus[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.nonce);
                if (m.rootVersion != null && $Object.hasOwnProperty.call(m, "rootVersion") && (typeof m.rootVersion === "object" ? m.rootVersion.low || m.rootVersion.high : m.rootVersion !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.rootVersion);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state"))
                    $root.ota.v1.VehicleState.encode(m.state, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a VersionReport message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.VersionReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.VersionReport & ota.v1.VersionReport.$Shape} VersionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VersionReport.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.VersionReport();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vin = v;
                            else
                                delete m.vin;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.reportCounter = v;
                            else
                                delete m.reportCounter;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.ecus && m.ecus.length))
                                m.ecus = [];
                            m.ecus.push($root.ota.v1.EcuVersion.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.rootVersion = v;
                            else
                                delete m.rootVersion;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.state = $root.ota.v1.VehicleState.decode(r, r.size(), $undefined, q + 1, m.state);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a VersionReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.VersionReport
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.VersionReport} VersionReport
             */
            VersionReport.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.VersionReport)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.VersionReport: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.VersionReport();
                if (d.vin != null) {
                    if (typeof d.vin !== "string" || d.vin.length) {
                        m.vin = $String(d.vin);
                    }
                }
                if (d.reportCounter != null) {
                    if (typeof d.reportCounter === "object" ? d.reportCounter.low || d.reportCounter.high : $Number(d.reportCounter) !== 0) {
                        if ($util.Long)
                            m.reportCounter = $util.Long.fromValue(d.reportCounter, true);
                        else if (typeof d.reportCounter === "string")
                            m.reportCounter = $parseInt(d.reportCounter, 10);
                        else if (typeof d.reportCounter === "number")
                            m.reportCounter = d.reportCounter;
                        else if (typeof d.reportCounter === "object")
                            m.reportCounter = new $util.LongBits(d.reportCounter.low >>> 0, d.reportCounter.high >>> 0).toNumber(true);
                    }
                }
                if (d.sentAtMs != null) {
                    if (typeof d.sentAtMs === "object" ? d.sentAtMs.low || d.sentAtMs.high : $Number(d.sentAtMs) !== 0) {
                        if ($util.Long)
                            m.sentAtMs = $util.Long.fromValue(d.sentAtMs, false);
                        else if (typeof d.sentAtMs === "string")
                            m.sentAtMs = $parseInt(d.sentAtMs, 10);
                        else if (typeof d.sentAtMs === "number")
                            m.sentAtMs = d.sentAtMs;
                        else if (typeof d.sentAtMs === "object")
                            m.sentAtMs = new $util.LongBits(d.sentAtMs.low >>> 0, d.sentAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.ecus) {
                    if (!$Array.isArray(d.ecus))
                        throw $TypeError(".ota.v1.VersionReport.ecus: array expected");
                    m.ecus = $Array(d.ecus.length);
                    for (var i = 0; i < d.ecus.length; ++i) {
                        if (!$util.isObject(d.ecus[i]))
                            throw $TypeError(".ota.v1.VersionReport.ecus: object expected");
                        m.ecus[i] = $root.ota.v1.EcuVersion.fromObject(d.ecus[i], q + 1);
                    }
                }
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                if (d.rootVersion != null) {
                    if (typeof d.rootVersion === "object" ? d.rootVersion.low || d.rootVersion.high : $Number(d.rootVersion) !== 0) {
                        if ($util.Long)
                            m.rootVersion = $util.Long.fromValue(d.rootVersion, true);
                        else if (typeof d.rootVersion === "string")
                            m.rootVersion = $parseInt(d.rootVersion, 10);
                        else if (typeof d.rootVersion === "number")
                            m.rootVersion = d.rootVersion;
                        else if (typeof d.rootVersion === "object")
                            m.rootVersion = new $util.LongBits(d.rootVersion.low >>> 0, d.rootVersion.high >>> 0).toNumber(true);
                    }
                }
                if (d.state != null) {
                    if (!$util.isObject(d.state))
                        throw $TypeError(".ota.v1.VersionReport.state: object expected");
                    m.state = $root.ota.v1.VehicleState.fromObject(d.state, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a VersionReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.VersionReport
             * @static
             * @param {ota.v1.VersionReport} m VersionReport
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VersionReport.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.ecus = [];
                }
                if (o.defaults) {
                    d.vin = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.reportCounter = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.reportCounter = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sentAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.rootVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.rootVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.state = null;
                }
                if (m.vin != null && $Object.hasOwnProperty.call(m, "vin")) {
                    d.vin = m.vin;
                }
                if (m.reportCounter != null && $Object.hasOwnProperty.call(m, "reportCounter")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.reportCounter = typeof m.reportCounter === "number" ? $BigInt(m.reportCounter) : $util.Long.fromBits(m.reportCounter.low >>> 0, m.reportCounter.high >>> 0, true).toBigInt();
                    else if (typeof m.reportCounter === "number")
                        d.reportCounter = o.longs === $String ? $String(m.reportCounter) : m.reportCounter;
                    else
                        d.reportCounter = o.longs === $String ? $util.Long.prototype.toString.call(m.reportCounter) : o.longs === $Number ? new $util.LongBits(m.reportCounter.low >>> 0, m.reportCounter.high >>> 0).toNumber(true) : m.reportCounter;
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAtMs = typeof m.sentAtMs === "number" ? $BigInt(m.sentAtMs) : $util.Long.fromBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sentAtMs === "number")
                        d.sentAtMs = o.longs === $String ? $String(m.sentAtMs) : m.sentAtMs;
                    else
                        d.sentAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAtMs) : o.longs === $Number ? new $util.LongBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0).toNumber() : m.sentAtMs;
                }
                if (m.ecus && m.ecus.length) {
                    d.ecus = $Array(m.ecus.length);
                    for (var j = 0; j < m.ecus.length; ++j) {
                        d.ecus[j] = $root.ota.v1.EcuVersion.toObject(m.ecus[j], o, q + 1);
                    }
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                if (m.rootVersion != null && $Object.hasOwnProperty.call(m, "rootVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rootVersion = typeof m.rootVersion === "number" ? $BigInt(m.rootVersion) : $util.Long.fromBits(m.rootVersion.low >>> 0, m.rootVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.rootVersion === "number")
                        d.rootVersion = o.longs === $String ? $String(m.rootVersion) : m.rootVersion;
                    else
                        d.rootVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.rootVersion) : o.longs === $Number ? new $util.LongBits(m.rootVersion.low >>> 0, m.rootVersion.high >>> 0).toNumber(true) : m.rootVersion;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = $root.ota.v1.VehicleState.toObject(m.state, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this VersionReport to JSON.
             * @function toJSON
             * @memberof ota.v1.VersionReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VersionReport.prototype.toJSON = function() {
                return VersionReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VersionReport
             * @function getTypeUrl
             * @memberof ota.v1.VersionReport
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VersionReport.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.VersionReport";
            };

            return VersionReport;
        })();

        v1.ReleaseEntry = (function() {

            /**
             * Properties of a ReleaseEntry.
             * @typedef {Object} ota.v1.ReleaseEntry.$Properties
             * @property {string|null} [name] ReleaseEntry name
             * @property {string|null} [version] ReleaseEntry version
             * @property {string|null} [ecuModule] ReleaseEntry ecuModule
             * @property {Array.<string>|null} [hardwareIds] ReleaseEntry hardwareIds
             * @property {number|null} [releaseCounter] ReleaseEntry releaseCounter
             * @property {number|Long|null} [imageSize] ReleaseEntry imageSize
             * @property {Uint8Array|null} [imageSha256] ReleaseEntry imageSha256
             * @property {number|null} [chunkSize] ReleaseEntry chunkSize
             * @property {Array.<Uint8Array>|null} [chunkSha256] ReleaseEntry chunkSha256
             * @property {number|Long|null} [expiresAtMs] ReleaseEntry expiresAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReleaseEntry.
             * @memberof ota.v1
             * @interface IReleaseEntry
             * @augments ota.v1.ReleaseEntry.$Properties
             * @deprecated Use ota.v1.ReleaseEntry.$Properties instead.
             */

            /**
             * Shape of a ReleaseEntry.
             * @typedef {ota.v1.ReleaseEntry.$Properties} ota.v1.ReleaseEntry.$Shape
             */

            /**
             * Constructs a new ReleaseEntry.
             * @memberof ota.v1
             * @classdesc Represents a ReleaseEntry.
             * @constructor
             * @param {ota.v1.ReleaseEntry.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReleaseEntry = function (p) {
                this.hardwareIds = [];
                this.chunkSha256 = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ReleaseEntry name.
             * @member {string} name
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.name = "";

            /**
             * ReleaseEntry version.
             * @member {string} version
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.version = "";

            /**
             * ReleaseEntry ecuModule.
             * @member {string} ecuModule
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.ecuModule = "";

            /**
             * ReleaseEntry hardwareIds.
             * @member {Array.<string>} hardwareIds
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.hardwareIds = $util.emptyArray;

            /**
             * ReleaseEntry releaseCounter.
             * @member {number} releaseCounter
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.releaseCounter = 0;

            /**
             * ReleaseEntry imageSize.
             * @member {number|Long} imageSize
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.imageSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ReleaseEntry imageSha256.
             * @member {Uint8Array} imageSha256
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.imageSha256 = $util.newBuffer([]);

            /**
             * ReleaseEntry chunkSize.
             * @member {number} chunkSize
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.chunkSize = 0;

            /**
             * ReleaseEntry chunkSha256.
             * @member {Array.<Uint8Array>} chunkSha256
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.chunkSha256 = $util.emptyArray;

            /**
             * ReleaseEntry expiresAtMs.
             * @member {number|Long} expiresAtMs
             * @memberof ota.v1.ReleaseEntry
             * @instance
             */
            ReleaseEntry.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new ReleaseEntry instance using the specified properties.
             * @function create
             * @memberof ota.v1.ReleaseEntry
             * @static
             * @param {ota.v1.ReleaseEntry.$Properties=} [properties] Properties to set
             * @returns {ota.v1.ReleaseEntry} ReleaseEntry instance
             * @type {{
             *   (properties: ota.v1.ReleaseEntry.$Shape): ota.v1.ReleaseEntry & ota.v1.ReleaseEntry.$Shape;
             *   (properties?: ota.v1.ReleaseEntry.$Properties): ota.v1.ReleaseEntry;
             * }}
             */
            ReleaseEntry.create = function(properties) {
                return new ReleaseEntry(properties);
            };

            /**
             * Encodes the specified ReleaseEntry message. Does not implicitly {@link ota.v1.ReleaseEntry.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.ReleaseEntry
             * @static
             * @param {ota.v1.ReleaseEntry.$Properties} m ReleaseEntry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReleaseEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.version);
                if (m.ecuModule != null && $Object.hasOwnProperty.call(m, "ecuModule") && m.ecuModule !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.ecuModule);
                if (m.hardwareIds != null && m.hardwareIds.length) {
                    for (var i = 0; i < m.hardwareIds.length; ++i)
                        w.uint32(/* id 4, wireType 2 =*/34).string(m.hardwareIds[i]);
                }
                if (m.releaseCounter != null && $Object.hasOwnProperty.call(m, "releaseCounter") && m.releaseCounter !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.releaseCounter);
                if (m.imageSize != null && $Object.hasOwnProperty.call(m, "imageSize") && (typeof m.imageSize === "object" ? m.imageSize.low || m.imageSize.high : m.imageSize !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.imageSize);
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256") && m.imageSha256.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.imageSha256);
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize") && m.chunkSize !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.chunkSize);
                if (m.chunkSha256 != null && m.chunkSha256.length) {
                    for (var i = 0; i < m.chunkSha256.length; ++i)
                        w.uint32(/* id 9, wireType 2 =*/74).bytes(m.chunkSha256[i]);
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.expiresAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ReleaseEntry message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.ReleaseEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.ReleaseEntry & ota.v1.ReleaseEntry.$Shape} ReleaseEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReleaseEntry.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.ReleaseEntry();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ecuModule = v;
                            else
                                delete m.ecuModule;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.hardwareIds && m.hardwareIds.length))
                                m.hardwareIds = [];
                            m.hardwareIds.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.releaseCounter = v;
                            else
                                delete m.releaseCounter;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.imageSize = v;
                            else
                                delete m.imageSize;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.imageSha256 = v;
                            else
                                delete m.imageSha256;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.chunkSize = v;
                            else
                                delete m.chunkSize;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.chunkSha256 && m.chunkSha256.length))
                                m.chunkSha256 = [];
                            m.chunkSha256.push(r.bytes());
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a ReleaseEntry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.ReleaseEntry
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.ReleaseEntry} ReleaseEntry
             */
            ReleaseEntry.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.ReleaseEntry)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.ReleaseEntry: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.ReleaseEntry();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version !== "string" || d.version.length) {
                        m.version = $String(d.version);
                    }
                }
                if (d.ecuModule != null) {
                    if (typeof d.ecuModule !== "string" || d.ecuModule.length) {
                        m.ecuModule = $String(d.ecuModule);
                    }
                }
                if (d.hardwareIds) {
                    if (!$Array.isArray(d.hardwareIds))
                        throw $TypeError(".ota.v1.ReleaseEntry.hardwareIds: array expected");
                    m.hardwareIds = $Array(d.hardwareIds.length);
                    for (var i = 0; i < d.hardwareIds.length; ++i) {
                        m.hardwareIds[i] = $String(d.hardwareIds[i]);
                    }
                }
                if (d.releaseCounter != null) {
                    if ($Number(d.releaseCounter) !== 0) {
                        m.releaseCounter = d.releaseCounter >>> 0;
                    }
                }
                if (d.imageSize != null) {
                    if (typeof d.imageSize === "object" ? d.imageSize.low || d.imageSize.high : $Number(d.imageSize) !== 0) {
                        if ($util.Long)
                            m.imageSize = $util.Long.fromValue(d.imageSize, true);
                        else if (typeof d.imageSize === "string")
                            m.imageSize = $parseInt(d.imageSize, 10);
                        else if (typeof d.imageSize === "number")
                            m.imageSize = d.imageSize;
                        else if (typeof d.imageSize === "object")
                            m.imageSize = new $util.LongBits(d.imageSize.low >>> 0, d.imageSize.high >>> 0).toNumber(true);
                    }
                }
                if (d.imageSha256 != null) {
                    if (d.imageSha256.length) {
                        if (typeof d.imageSha256 === "string")
                            $util.base64.decode(d.imageSha256, m.imageSha256 = $util.newBuffer($util.base64.length(d.imageSha256)), 0);
                        else if (d.imageSha256.length >= 0)
                            m.imageSha256 = d.imageSha256;
                    }
                }
                if (d.chunkSize != null) {
                    if ($Number(d.chunkSize) !== 0) {
                        m.chunkSize = d.chunkSize >>> 0;
                    }
                }
                if (d.chunkSha256) {
                    if (!$Array.isArray(d.chunkSha256))
                        throw $TypeError(".ota.v1.ReleaseEntry.chunkSha256: array expected");
                    m.chunkSha256 = $Array(d.chunkSha256.length);
                    for (var i = 0; i < d.chunkSha256.length; ++i) {
                        if (typeof d.chunkSha256[i] === "string")
                            $util.base64.decode(d.chunkSha256[i], m.chunkSha256[i] = $util.newBuffer($util.base64.length(d.chunkSha256[i])), 0);
                        else if (d.chunkSha256[i].length >= 0)
                            m.chunkSha256[i] = d.chunkSha256[i];
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ReleaseEntry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.ReleaseEntry
             * @static
             * @param {ota.v1.ReleaseEntry} m ReleaseEntry
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReleaseEntry.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.hardwareIds = [];
                    d.chunkSha256 = [];
                }
                if (o.defaults) {
                    d.name = "";
                    d.version = "";
                    d.ecuModule = "";
                    d.releaseCounter = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.imageSize = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.imageSize = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.imageSha256 = "";
                    else {
                        d.imageSha256 = [];
                        if (o.bytes !== $Array)
                            d.imageSha256 = $util.newBuffer(d.imageSha256);
                    }
                    d.chunkSize = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.ecuModule != null && $Object.hasOwnProperty.call(m, "ecuModule")) {
                    d.ecuModule = m.ecuModule;
                }
                if (m.hardwareIds && m.hardwareIds.length) {
                    d.hardwareIds = $Array(m.hardwareIds.length);
                    for (var j = 0; j < m.hardwareIds.length; ++j) {
                        d.hardwareIds[j] = m.hardwareIds[j];
                    }
                }
                if (m.releaseCounter != null && $Object.hasOwnProperty.call(m, "releaseCounter")) {
                    d.releaseCounter = m.releaseCounter;
                }
                if (m.imageSize != null && $Object.hasOwnProperty.call(m, "imageSize")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.imageSize = typeof m.imageSize === "number" ? $BigInt(m.imageSize) : $util.Long.fromBits(m.imageSize.low >>> 0, m.imageSize.high >>> 0, true).toBigInt();
                    else if (typeof m.imageSize === "number")
                        d.imageSize = o.longs === $String ? $String(m.imageSize) : m.imageSize;
                    else
                        d.imageSize = o.longs === $String ? $util.Long.prototype.toString.call(m.imageSize) : o.longs === $Number ? new $util.LongBits(m.imageSize.low >>> 0, m.imageSize.high >>> 0).toNumber(true) : m.imageSize;
                }
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256")) {
                    d.imageSha256 = o.bytes === $String ? $util.base64.encode(m.imageSha256, 0, m.imageSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.imageSha256) : m.imageSha256;
                }
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize")) {
                    d.chunkSize = m.chunkSize;
                }
                if (m.chunkSha256 && m.chunkSha256.length) {
                    d.chunkSha256 = $Array(m.chunkSha256.length);
                    for (var j = 0; j < m.chunkSha256.length; ++j) {
                        d.chunkSha256[j] = o.bytes === $String ? $util.base64.encode(m.chunkSha256[j], 0, m.chunkSha256[j].length) : o.bytes === $Array ? $Array.prototype.slice.call(m.chunkSha256[j]) : m.chunkSha256[j];
                    }
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                return d;
            };

            /**
             * Converts this ReleaseEntry to JSON.
             * @function toJSON
             * @memberof ota.v1.ReleaseEntry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReleaseEntry.prototype.toJSON = function() {
                return ReleaseEntry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ReleaseEntry
             * @function getTypeUrl
             * @memberof ota.v1.ReleaseEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReleaseEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.ReleaseEntry";
            };

            return ReleaseEntry;
        })();

        v1.Target = (function() {

            /**
             * Properties of a Target.
             * @typedef {Object} ota.v1.Target.$Properties
             * @property {string|null} [ecuModule] Target ecuModule
             * @property {string|null} [ecuSerial] Target ecuSerial
             * @property {Array.<string>|null} [hardwareIds] Target hardwareIds
             * @property {string|null} [version] Target version
             * @property {number|Long|null} [imageSize] Target imageSize
             * @property {Uint8Array|null} [imageSha256] Target imageSha256
             * @property {number|null} [chunkSize] Target chunkSize
             * @property {number|null} [releaseCounter] Target releaseCounter
             * @property {number|null} [installOrder] Target installOrder
             * @property {ota.v1.Signed.$Properties|null} [release] Target release
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Target.
             * @memberof ota.v1
             * @interface ITarget
             * @augments ota.v1.Target.$Properties
             * @deprecated Use ota.v1.Target.$Properties instead.
             */

            /**
             * Shape of a Target.
             * @typedef {ota.v1.Target.$Properties} ota.v1.Target.$Shape
             */

            /**
             * Constructs a new Target.
             * @memberof ota.v1
             * @classdesc Represents a Target.
             * @constructor
             * @param {ota.v1.Target.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Target = function (p) {
                this.hardwareIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Target ecuModule.
             * @member {string} ecuModule
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.ecuModule = "";

            /**
             * Target ecuSerial.
             * @member {string} ecuSerial
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.ecuSerial = "";

            /**
             * Target hardwareIds.
             * @member {Array.<string>} hardwareIds
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.hardwareIds = $util.emptyArray;

            /**
             * Target version.
             * @member {string} version
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.version = "";

            /**
             * Target imageSize.
             * @member {number|Long} imageSize
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.imageSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Target imageSha256.
             * @member {Uint8Array} imageSha256
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.imageSha256 = $util.newBuffer([]);

            /**
             * Target chunkSize.
             * @member {number} chunkSize
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.chunkSize = 0;

            /**
             * Target releaseCounter.
             * @member {number} releaseCounter
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.releaseCounter = 0;

            /**
             * Target installOrder.
             * @member {number} installOrder
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.installOrder = 0;

            /**
             * Target release.
             * @member {ota.v1.Signed.$Properties|null|undefined} release
             * @memberof ota.v1.Target
             * @instance
             */
            Target.prototype.release = null;

            /**
             * Creates a new Target instance using the specified properties.
             * @function create
             * @memberof ota.v1.Target
             * @static
             * @param {ota.v1.Target.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Target} Target instance
             * @type {{
             *   (properties: ota.v1.Target.$Shape): ota.v1.Target & ota.v1.Target.$Shape;
             *   (properties?: ota.v1.Target.$Properties): ota.v1.Target;
             * }}
             */
            Target.create = function(properties) {
                return new Target(properties);
            };

            /**
             * Encodes the specified Target message. Does not implicitly {@link ota.v1.Target.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Target
             * @static
             * @param {ota.v1.Target.$Properties} m Target message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Target.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.ecuModule != null && $Object.hasOwnProperty.call(m, "ecuModule") && m.ecuModule !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.ecuModule);
                if (m.ecuSerial != null && $Object.hasOwnProperty.call(m, "ecuSerial") && m.ecuSerial !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.ecuSerial);
                if (m.hardwareIds != null && m.hardwareIds.length) {
                    for (var i = 0; i < m.hardwareIds.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).string(m.hardwareIds[i]);
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.version);
                if (m.imageSize != null && $Object.hasOwnProperty.call(m, "imageSize") && (typeof m.imageSize === "object" ? m.imageSize.low || m.imageSize.high : m.imageSize !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.imageSize);
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256") && m.imageSha256.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.imageSha256);
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize") && m.chunkSize !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.chunkSize);
                if (m.releaseCounter != null && $Object.hasOwnProperty.call(m, "releaseCounter") && m.releaseCounter !== 0)
                    w.uint32(/* id 9, wireType 0 =*/72).uint32(m.releaseCounter);
                if (m.installOrder != null && $Object.hasOwnProperty.call(m, "installOrder") && m.installOrder !== 0)
                    w.uint32(/* id 10, wireType 0 =*/80).uint32(m.installOrder);
                if (m.release != null && $Object.hasOwnProperty.call(m, "release"))
                    $root.ota.v1.Signed.encode(m.release, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Target message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Target
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Target & ota.v1.Target.$Shape} Target
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Target.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Target();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ecuModule = v;
                            else
                                delete m.ecuModule;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ecuSerial = v;
                            else
                                delete m.ecuSerial;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.hardwareIds && m.hardwareIds.length))
                                m.hardwareIds = [];
                            m.hardwareIds.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.imageSize = v;
                            else
                                delete m.imageSize;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.imageSha256 = v;
                            else
                                delete m.imageSha256;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.chunkSize = v;
                            else
                                delete m.chunkSize;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.releaseCounter = v;
                            else
                                delete m.releaseCounter;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.installOrder = v;
                            else
                                delete m.installOrder;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.release = $root.ota.v1.Signed.decode(r, r.size(), $undefined, q + 1, m.release);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Target message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Target
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Target} Target
             */
            Target.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Target)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Target: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Target();
                if (d.ecuModule != null) {
                    if (typeof d.ecuModule !== "string" || d.ecuModule.length) {
                        m.ecuModule = $String(d.ecuModule);
                    }
                }
                if (d.ecuSerial != null) {
                    if (typeof d.ecuSerial !== "string" || d.ecuSerial.length) {
                        m.ecuSerial = $String(d.ecuSerial);
                    }
                }
                if (d.hardwareIds) {
                    if (!$Array.isArray(d.hardwareIds))
                        throw $TypeError(".ota.v1.Target.hardwareIds: array expected");
                    m.hardwareIds = $Array(d.hardwareIds.length);
                    for (var i = 0; i < d.hardwareIds.length; ++i) {
                        m.hardwareIds[i] = $String(d.hardwareIds[i]);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version !== "string" || d.version.length) {
                        m.version = $String(d.version);
                    }
                }
                if (d.imageSize != null) {
                    if (typeof d.imageSize === "object" ? d.imageSize.low || d.imageSize.high : $Number(d.imageSize) !== 0) {
                        if ($util.Long)
                            m.imageSize = $util.Long.fromValue(d.imageSize, true);
                        else if (typeof d.imageSize === "string")
                            m.imageSize = $parseInt(d.imageSize, 10);
                        else if (typeof d.imageSize === "number")
                            m.imageSize = d.imageSize;
                        else if (typeof d.imageSize === "object")
                            m.imageSize = new $util.LongBits(d.imageSize.low >>> 0, d.imageSize.high >>> 0).toNumber(true);
                    }
                }
                if (d.imageSha256 != null) {
                    if (d.imageSha256.length) {
                        if (typeof d.imageSha256 === "string")
                            $util.base64.decode(d.imageSha256, m.imageSha256 = $util.newBuffer($util.base64.length(d.imageSha256)), 0);
                        else if (d.imageSha256.length >= 0)
                            m.imageSha256 = d.imageSha256;
                    }
                }
                if (d.chunkSize != null) {
                    if ($Number(d.chunkSize) !== 0) {
                        m.chunkSize = d.chunkSize >>> 0;
                    }
                }
                if (d.releaseCounter != null) {
                    if ($Number(d.releaseCounter) !== 0) {
                        m.releaseCounter = d.releaseCounter >>> 0;
                    }
                }
                if (d.installOrder != null) {
                    if ($Number(d.installOrder) !== 0) {
                        m.installOrder = d.installOrder >>> 0;
                    }
                }
                if (d.release != null) {
                    if (!$util.isObject(d.release))
                        throw $TypeError(".ota.v1.Target.release: object expected");
                    m.release = $root.ota.v1.Signed.fromObject(d.release, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Target message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Target
             * @static
             * @param {ota.v1.Target} m Target
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Target.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.hardwareIds = [];
                }
                if (o.defaults) {
                    d.ecuModule = "";
                    d.ecuSerial = "";
                    d.version = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.imageSize = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.imageSize = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.imageSha256 = "";
                    else {
                        d.imageSha256 = [];
                        if (o.bytes !== $Array)
                            d.imageSha256 = $util.newBuffer(d.imageSha256);
                    }
                    d.chunkSize = 0;
                    d.releaseCounter = 0;
                    d.installOrder = 0;
                    d.release = null;
                }
                if (m.ecuModule != null && $Object.hasOwnProperty.call(m, "ecuModule")) {
                    d.ecuModule = m.ecuModule;
                }
                if (m.ecuSerial != null && $Object.hasOwnProperty.call(m, "ecuSerial")) {
                    d.ecuSerial = m.ecuSerial;
                }
                if (m.hardwareIds && m.hardwareIds.length) {
                    d.hardwareIds = $Array(m.hardwareIds.length);
                    for (var j = 0; j < m.hardwareIds.length; ++j) {
                        d.hardwareIds[j] = m.hardwareIds[j];
                    }
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.imageSize != null && $Object.hasOwnProperty.call(m, "imageSize")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.imageSize = typeof m.imageSize === "number" ? $BigInt(m.imageSize) : $util.Long.fromBits(m.imageSize.low >>> 0, m.imageSize.high >>> 0, true).toBigInt();
                    else if (typeof m.imageSize === "number")
                        d.imageSize = o.longs === $String ? $String(m.imageSize) : m.imageSize;
                    else
                        d.imageSize = o.longs === $String ? $util.Long.prototype.toString.call(m.imageSize) : o.longs === $Number ? new $util.LongBits(m.imageSize.low >>> 0, m.imageSize.high >>> 0).toNumber(true) : m.imageSize;
                }
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256")) {
                    d.imageSha256 = o.bytes === $String ? $util.base64.encode(m.imageSha256, 0, m.imageSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.imageSha256) : m.imageSha256;
                }
                if (m.chunkSize != null && $Object.hasOwnProperty.call(m, "chunkSize")) {
                    d.chunkSize = m.chunkSize;
                }
                if (m.releaseCounter != null && $Object.hasOwnProperty.call(m, "releaseCounter")) {
                    d.releaseCounter = m.releaseCounter;
                }
                if (m.installOrder != null && $Object.hasOwnProperty.call(m, "installOrder")) {
                    d.installOrder = m.installOrder;
                }
                if (m.release != null && $Object.hasOwnProperty.call(m, "release")) {
                    d.release = $root.ota.v1.Signed.toObject(m.release, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this Target to JSON.
             * @function toJSON
             * @memberof ota.v1.Target
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Target.prototype.toJSON = function() {
                return Target.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Target
             * @function getTypeUrl
             * @memberof ota.v1.Target
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Target.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Target";
            };

            return Target;
        })();

        v1.Preconditions = (function() {

            /**
             * Properties of a Preconditions.
             * @typedef {Object} ota.v1.Preconditions.$Properties
             * @property {number|null} [minBatteryPct] Preconditions minBatteryPct
             * @property {boolean|null} [requireParked] Preconditions requireParked
             * @property {boolean|null} [requireIgnitionOff] Preconditions requireIgnitionOff
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Preconditions.
             * @memberof ota.v1
             * @interface IPreconditions
             * @augments ota.v1.Preconditions.$Properties
             * @deprecated Use ota.v1.Preconditions.$Properties instead.
             */

            /**
             * Shape of a Preconditions.
             * @typedef {ota.v1.Preconditions.$Properties} ota.v1.Preconditions.$Shape
             */

            /**
             * Constructs a new Preconditions.
             * @memberof ota.v1
             * @classdesc Represents a Preconditions.
             * @constructor
             * @param {ota.v1.Preconditions.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Preconditions = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Preconditions minBatteryPct.
             * @member {number} minBatteryPct
             * @memberof ota.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.minBatteryPct = 0;

            /**
             * Preconditions requireParked.
             * @member {boolean} requireParked
             * @memberof ota.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.requireParked = false;

            /**
             * Preconditions requireIgnitionOff.
             * @member {boolean} requireIgnitionOff
             * @memberof ota.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.requireIgnitionOff = false;

            /**
             * Creates a new Preconditions instance using the specified properties.
             * @function create
             * @memberof ota.v1.Preconditions
             * @static
             * @param {ota.v1.Preconditions.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Preconditions} Preconditions instance
             * @type {{
             *   (properties: ota.v1.Preconditions.$Shape): ota.v1.Preconditions & ota.v1.Preconditions.$Shape;
             *   (properties?: ota.v1.Preconditions.$Properties): ota.v1.Preconditions;
             * }}
             */
            Preconditions.create = function(properties) {
                return new Preconditions(properties);
            };

            /**
             * Encodes the specified Preconditions message. Does not implicitly {@link ota.v1.Preconditions.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Preconditions
             * @static
             * @param {ota.v1.Preconditions.$Properties} m Preconditions message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Preconditions.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.minBatteryPct != null && $Object.hasOwnProperty.call(m, "minBatteryPct") && m.minBatteryPct !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.minBatteryPct);
                if (m.requireParked != null && $Object.hasOwnProperty.call(m, "requireParked") && m.requireParked !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.requireParked);
                if (m.requireIgnitionOff != null && $Object.hasOwnProperty.call(m, "requireIgnitionOff") && m.requireIgnitionOff !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.requireIgnitionOff);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Preconditions message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Preconditions
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Preconditions & ota.v1.Preconditions.$Shape} Preconditions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Preconditions.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Preconditions();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.minBatteryPct = v;
                            else
                                delete m.minBatteryPct;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.requireParked = v;
                            else
                                delete m.requireParked;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.requireIgnitionOff = v;
                            else
                                delete m.requireIgnitionOff;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Preconditions message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Preconditions
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Preconditions} Preconditions
             */
            Preconditions.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Preconditions)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Preconditions: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Preconditions();
                if (d.minBatteryPct != null) {
                    if ($Number(d.minBatteryPct) !== 0) {
                        m.minBatteryPct = d.minBatteryPct >>> 0;
                    }
                }
                if (d.requireParked != null) {
                    if (d.requireParked) {
                        m.requireParked = $Boolean(d.requireParked);
                    }
                }
                if (d.requireIgnitionOff != null) {
                    if (d.requireIgnitionOff) {
                        m.requireIgnitionOff = $Boolean(d.requireIgnitionOff);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Preconditions message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Preconditions
             * @static
             * @param {ota.v1.Preconditions} m Preconditions
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Preconditions.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.minBatteryPct = 0;
                    d.requireParked = false;
                    d.requireIgnitionOff = false;
                }
                if (m.minBatteryPct != null && $Object.hasOwnProperty.call(m, "minBatteryPct")) {
                    d.minBatteryPct = m.minBatteryPct;
                }
                if (m.requireParked != null && $Object.hasOwnProperty.call(m, "requireParked")) {
                    d.requireParked = m.requireParked;
                }
                if (m.requireIgnitionOff != null && $Object.hasOwnProperty.call(m, "requireIgnitionOff")) {
                    d.requireIgnitionOff = m.requireIgnitionOff;
                }
                return d;
            };

            /**
             * Converts this Preconditions to JSON.
             * @function toJSON
             * @memberof ota.v1.Preconditions
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Preconditions.prototype.toJSON = function() {
                return Preconditions.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Preconditions
             * @function getTypeUrl
             * @memberof ota.v1.Preconditions
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Preconditions.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Preconditions";
            };

            return Preconditions;
        })();

        v1.DownloadPolicy = (function() {

            /**
             * Properties of a DownloadPolicy.
             * @typedef {Object} ota.v1.DownloadPolicy.$Properties
             * @property {number|null} [chunkWindow] DownloadPolicy chunkWindow
             * @property {number|null} [minBytesPerS] DownloadPolicy minBytesPerS
             * @property {number|null} [slowGraceMs] DownloadPolicy slowGraceMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DownloadPolicy.
             * @memberof ota.v1
             * @interface IDownloadPolicy
             * @augments ota.v1.DownloadPolicy.$Properties
             * @deprecated Use ota.v1.DownloadPolicy.$Properties instead.
             */

            /**
             * Shape of a DownloadPolicy.
             * @typedef {ota.v1.DownloadPolicy.$Properties} ota.v1.DownloadPolicy.$Shape
             */

            /**
             * Constructs a new DownloadPolicy.
             * @memberof ota.v1
             * @classdesc Represents a DownloadPolicy.
             * @constructor
             * @param {ota.v1.DownloadPolicy.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DownloadPolicy = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DownloadPolicy chunkWindow.
             * @member {number} chunkWindow
             * @memberof ota.v1.DownloadPolicy
             * @instance
             */
            DownloadPolicy.prototype.chunkWindow = 0;

            /**
             * DownloadPolicy minBytesPerS.
             * @member {number} minBytesPerS
             * @memberof ota.v1.DownloadPolicy
             * @instance
             */
            DownloadPolicy.prototype.minBytesPerS = 0;

            /**
             * DownloadPolicy slowGraceMs.
             * @member {number} slowGraceMs
             * @memberof ota.v1.DownloadPolicy
             * @instance
             */
            DownloadPolicy.prototype.slowGraceMs = 0;

            /**
             * Creates a new DownloadPolicy instance using the specified properties.
             * @function create
             * @memberof ota.v1.DownloadPolicy
             * @static
             * @param {ota.v1.DownloadPolicy.$Properties=} [properties] Properties to set
             * @returns {ota.v1.DownloadPolicy} DownloadPolicy instance
             * @type {{
             *   (properties: ota.v1.DownloadPolicy.$Shape): ota.v1.DownloadPolicy & ota.v1.DownloadPolicy.$Shape;
             *   (properties?: ota.v1.DownloadPolicy.$Properties): ota.v1.DownloadPolicy;
             * }}
             */
            DownloadPolicy.create = function(properties) {
                return new DownloadPolicy(properties);
            };

            /**
             * Encodes the specified DownloadPolicy message. Does not implicitly {@link ota.v1.DownloadPolicy.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.DownloadPolicy
             * @static
             * @param {ota.v1.DownloadPolicy.$Properties} m DownloadPolicy message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DownloadPolicy.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.chunkWindow != null && $Object.hasOwnProperty.call(m, "chunkWindow") && m.chunkWindow !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.chunkWindow);
                if (m.minBytesPerS != null && $Object.hasOwnProperty.call(m, "minBytesPerS") && m.minBytesPerS !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.minBytesPerS);
                if (m.slowGraceMs != null && $Object.hasOwnProperty.call(m, "slowGraceMs") && m.slowGraceMs !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.slowGraceMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DownloadPolicy message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.DownloadPolicy
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.DownloadPolicy & ota.v1.DownloadPolicy.$Shape} DownloadPolicy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DownloadPolicy.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.DownloadPolicy();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.chunkWindow = v;
                            else
                                delete m.chunkWindow;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.minBytesPerS = v;
                            else
                                delete m.minBytesPerS;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.slowGraceMs = v;
                            else
                                delete m.slowGraceMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a DownloadPolicy message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.DownloadPolicy
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.DownloadPolicy} DownloadPolicy
             */
            DownloadPolicy.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.DownloadPolicy)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.DownloadPolicy: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.DownloadPolicy();
                if (d.chunkWindow != null) {
                    if ($Number(d.chunkWindow) !== 0) {
                        m.chunkWindow = d.chunkWindow >>> 0;
                    }
                }
                if (d.minBytesPerS != null) {
                    if ($Number(d.minBytesPerS) !== 0) {
                        m.minBytesPerS = d.minBytesPerS >>> 0;
                    }
                }
                if (d.slowGraceMs != null) {
                    if ($Number(d.slowGraceMs) !== 0) {
                        m.slowGraceMs = d.slowGraceMs >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DownloadPolicy message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.DownloadPolicy
             * @static
             * @param {ota.v1.DownloadPolicy} m DownloadPolicy
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DownloadPolicy.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.chunkWindow = 0;
                    d.minBytesPerS = 0;
                    d.slowGraceMs = 0;
                }
                if (m.chunkWindow != null && $Object.hasOwnProperty.call(m, "chunkWindow")) {
                    d.chunkWindow = m.chunkWindow;
                }
                if (m.minBytesPerS != null && $Object.hasOwnProperty.call(m, "minBytesPerS")) {
                    d.minBytesPerS = m.minBytesPerS;
                }
                if (m.slowGraceMs != null && $Object.hasOwnProperty.call(m, "slowGraceMs")) {
                    d.slowGraceMs = m.slowGraceMs;
                }
                return d;
            };

            /**
             * Converts this DownloadPolicy to JSON.
             * @function toJSON
             * @memberof ota.v1.DownloadPolicy
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DownloadPolicy.prototype.toJSON = function() {
                return DownloadPolicy.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DownloadPolicy
             * @function getTypeUrl
             * @memberof ota.v1.DownloadPolicy
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DownloadPolicy.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.DownloadPolicy";
            };

            return DownloadPolicy;
        })();

        v1.UpdateManifest = (function() {

            /**
             * Properties of an UpdateManifest.
             * @typedef {Object} ota.v1.UpdateManifest.$Properties
             * @property {string|null} [executionId] UpdateManifest executionId
             * @property {string|null} [vin] UpdateManifest vin
             * @property {number|Long|null} [expiresAtMs] UpdateManifest expiresAtMs
             * @property {string|null} [updateName] UpdateManifest updateName
             * @property {number|null} [attempt] UpdateManifest attempt
             * @property {boolean|null} [rollback] UpdateManifest rollback
             * @property {boolean|null} [consentRequired] UpdateManifest consentRequired
             * @property {number|Long|null} [counter] UpdateManifest counter
             * @property {Uint8Array|null} [nonce] UpdateManifest nonce
             * @property {Array.<ota.v1.Target.$Properties>|null} [targets] UpdateManifest targets
             * @property {ota.v1.Preconditions.$Properties|null} [preconditions] UpdateManifest preconditions
             * @property {ota.v1.DownloadPolicy.$Properties|null} [download] UpdateManifest download
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UpdateManifest.
             * @memberof ota.v1
             * @interface IUpdateManifest
             * @augments ota.v1.UpdateManifest.$Properties
             * @deprecated Use ota.v1.UpdateManifest.$Properties instead.
             */

            /**
             * Shape of an UpdateManifest.
             * @typedef {ota.v1.UpdateManifest.$Properties} ota.v1.UpdateManifest.$Shape
             */

            /**
             * Constructs a new UpdateManifest.
             * @memberof ota.v1
             * @classdesc Represents an UpdateManifest.
             * @constructor
             * @param {ota.v1.UpdateManifest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UpdateManifest = function (p) {
                this.targets = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * UpdateManifest executionId.
             * @member {string} executionId
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.executionId = "";

            /**
             * UpdateManifest vin.
             * @member {string} vin
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.vin = "";

            /**
             * UpdateManifest expiresAtMs.
             * @member {number|Long} expiresAtMs
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * UpdateManifest updateName.
             * @member {string} updateName
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.updateName = "";

            /**
             * UpdateManifest attempt.
             * @member {number} attempt
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.attempt = 0;

            /**
             * UpdateManifest rollback.
             * @member {boolean} rollback
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.rollback = false;

            /**
             * UpdateManifest consentRequired.
             * @member {boolean} consentRequired
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.consentRequired = false;

            /**
             * UpdateManifest counter.
             * @member {number|Long} counter
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.counter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateManifest nonce.
             * @member {Uint8Array} nonce
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.nonce = $util.newBuffer([]);

            /**
             * UpdateManifest targets.
             * @member {Array.<ota.v1.Target.$Properties>} targets
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.targets = $util.emptyArray;

            /**
             * UpdateManifest preconditions.
             * @member {ota.v1.Preconditions.$Properties|null|undefined} preconditions
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.preconditions = null;

            /**
             * UpdateManifest download.
             * @member {ota.v1.DownloadPolicy.$Properties|null|undefined} download
             * @memberof ota.v1.UpdateManifest
             * @instance
             */
            UpdateManifest.prototype.download = null;

            /**
             * Creates a new UpdateManifest instance using the specified properties.
             * @function create
             * @memberof ota.v1.UpdateManifest
             * @static
             * @param {ota.v1.UpdateManifest.$Properties=} [properties] Properties to set
             * @returns {ota.v1.UpdateManifest} UpdateManifest instance
             * @type {{
             *   (properties: ota.v1.UpdateManifest.$Shape): ota.v1.UpdateManifest & ota.v1.UpdateManifest.$Shape;
             *   (properties?: ota.v1.UpdateManifest.$Properties): ota.v1.UpdateManifest;
             * }}
             */
            UpdateManifest.create = function(properties) {
                return new UpdateManifest(properties);
            };

            /**
             * Encodes the specified UpdateManifest message. Does not implicitly {@link ota.v1.UpdateManifest.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.UpdateManifest
             * @static
             * @param {ota.v1.UpdateManifest.$Properties} m UpdateManifest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateManifest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.executionId);
                if (m.vin != null && $Object.hasOwnProperty.call(m, "vin") && m.vin !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.vin);
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.expiresAtMs);
                if (m.updateName != null && $Object.hasOwnProperty.call(m, "updateName") && m.updateName !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.updateName);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.attempt);
                if (m.rollback != null && $Object.hasOwnProperty.call(m, "rollback") && m.rollback !== false)
                    w.uint32(/* id 7, wireType 0 =*/56).bool(m.rollback);
                if (m.consentRequired != null && $Object.hasOwnProperty.call(m, "consentRequired") && m.consentRequired !== false)
                    w.uint32(/* id 8, wireType 0 =*/64).bool(m.consentRequired);
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter") && (typeof m.counter === "object" ? m.counter.low || m.counter.high : m.counter !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.counter);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 10, wireType 2 =*/82).bytes(m.nonce);
                if (m.targets != null && m.targets.length) {
                    for (var i = 0; i < m.targets.length; ++i)
                        $root.ota.v1.Target.encode(m.targets[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                }
                if (m.preconditions != null && $Object.hasOwnProperty.call(m, "preconditions"))
                    $root.ota.v1.Preconditions.encode(m.preconditions, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.download != null && $Object.hasOwnProperty.call(m, "download"))
                    $root.ota.v1.DownloadPolicy.encode(m.download, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an UpdateManifest message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.UpdateManifest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.UpdateManifest & ota.v1.UpdateManifest.$Shape} UpdateManifest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateManifest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.UpdateManifest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vin = v;
                            else
                                delete m.vin;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.updateName = v;
                            else
                                delete m.updateName;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.rollback = v;
                            else
                                delete m.rollback;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.consentRequired = v;
                            else
                                delete m.consentRequired;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.counter = v;
                            else
                                delete m.counter;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.targets && m.targets.length))
                                m.targets = [];
                            m.targets.push($root.ota.v1.Target.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.preconditions = $root.ota.v1.Preconditions.decode(r, r.size(), $undefined, q + 1, m.preconditions);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.download = $root.ota.v1.DownloadPolicy.decode(r, r.size(), $undefined, q + 1, m.download);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an UpdateManifest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.UpdateManifest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.UpdateManifest} UpdateManifest
             */
            UpdateManifest.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.UpdateManifest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.UpdateManifest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.UpdateManifest();
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                if (d.vin != null) {
                    if (typeof d.vin !== "string" || d.vin.length) {
                        m.vin = $String(d.vin);
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.updateName != null) {
                    if (typeof d.updateName !== "string" || d.updateName.length) {
                        m.updateName = $String(d.updateName);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.rollback != null) {
                    if (d.rollback) {
                        m.rollback = $Boolean(d.rollback);
                    }
                }
                if (d.consentRequired != null) {
                    if (d.consentRequired) {
                        m.consentRequired = $Boolean(d.consentRequired);
                    }
                }
                if (d.counter != null) {
                    if (typeof d.counter === "object" ? d.counter.low || d.counter.high : $Number(d.counter) !== 0) {
                        if ($util.Long)
                            m.counter = $util.Long.fromValue(d.counter, true);
                        else if (typeof d.counter === "string")
                            m.counter = $parseInt(d.counter, 10);
                        else if (typeof d.counter === "number")
                            m.counter = d.counter;
                        else if (typeof d.counter === "object")
                            m.counter = new $util.LongBits(d.counter.low >>> 0, d.counter.high >>> 0).toNumber(true);
                    }
                }
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                if (d.targets) {
                    if (!$Array.isArray(d.targets))
                        throw $TypeError(".ota.v1.UpdateManifest.targets: array expected");
                    m.targets = $Array(d.targets.length);
                    for (var i = 0; i < d.targets.length; ++i) {
                        if (!$util.isObject(d.targets[i]))
                            throw $TypeError(".ota.v1.UpdateManifest.targets: object expected");
                        m.targets[i] = $root.ota.v1.Target.fromObject(d.targets[i], q + 1);
                    }
                }
                if (d.preconditions != null) {
                    if (!$util.isObject(d.preconditions))
                        throw $TypeError(".ota.v1.UpdateManifest.preconditions: object expected");
                    m.preconditions = $root.ota.v1.Preconditions.fromObject(d.preconditions, q + 1);
                }
                if (d.download != null) {
                    if (!$util.isObject(d.download))
                        throw $TypeError(".ota.v1.UpdateManifest.download: object expected");
                    m.download = $root.ota.v1.DownloadPolicy.fromObject(d.download, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an UpdateManifest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.UpdateManifest
             * @static
             * @param {ota.v1.UpdateManifest} m UpdateManifest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UpdateManifest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.targets = [];
                }
                if (o.defaults) {
                    d.executionId = "";
                    d.vin = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.updateName = "";
                    d.attempt = 0;
                    d.rollback = false;
                    d.consentRequired = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.counter = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.counter = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                    d.preconditions = null;
                    d.download = null;
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                if (m.vin != null && $Object.hasOwnProperty.call(m, "vin")) {
                    d.vin = m.vin;
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                if (m.updateName != null && $Object.hasOwnProperty.call(m, "updateName")) {
                    d.updateName = m.updateName;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.rollback != null && $Object.hasOwnProperty.call(m, "rollback")) {
                    d.rollback = m.rollback;
                }
                if (m.consentRequired != null && $Object.hasOwnProperty.call(m, "consentRequired")) {
                    d.consentRequired = m.consentRequired;
                }
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.counter = typeof m.counter === "number" ? $BigInt(m.counter) : $util.Long.fromBits(m.counter.low >>> 0, m.counter.high >>> 0, true).toBigInt();
                    else if (typeof m.counter === "number")
                        d.counter = o.longs === $String ? $String(m.counter) : m.counter;
                    else
                        d.counter = o.longs === $String ? $util.Long.prototype.toString.call(m.counter) : o.longs === $Number ? new $util.LongBits(m.counter.low >>> 0, m.counter.high >>> 0).toNumber(true) : m.counter;
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                if (m.targets && m.targets.length) {
                    d.targets = $Array(m.targets.length);
                    for (var j = 0; j < m.targets.length; ++j) {
                        d.targets[j] = $root.ota.v1.Target.toObject(m.targets[j], o, q + 1);
                    }
                }
                if (m.preconditions != null && $Object.hasOwnProperty.call(m, "preconditions")) {
                    d.preconditions = $root.ota.v1.Preconditions.toObject(m.preconditions, o, q + 1);
                }
                if (m.download != null && $Object.hasOwnProperty.call(m, "download")) {
                    d.download = $root.ota.v1.DownloadPolicy.toObject(m.download, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this UpdateManifest to JSON.
             * @function toJSON
             * @memberof ota.v1.UpdateManifest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UpdateManifest.prototype.toJSON = function() {
                return UpdateManifest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for UpdateManifest
             * @function getTypeUrl
             * @memberof ota.v1.UpdateManifest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UpdateManifest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.UpdateManifest";
            };

            return UpdateManifest;
        })();

        v1.UpdateOffer = (function() {

            /**
             * Properties of an UpdateOffer.
             * @typedef {Object} ota.v1.UpdateOffer.$Properties
             * @property {Array.<ota.v1.Signed.$Properties>|null} [roots] UpdateOffer roots
             * @property {ota.v1.Signed.$Properties|null} [manifest] UpdateOffer manifest
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UpdateOffer.
             * @memberof ota.v1
             * @interface IUpdateOffer
             * @augments ota.v1.UpdateOffer.$Properties
             * @deprecated Use ota.v1.UpdateOffer.$Properties instead.
             */

            /**
             * Shape of an UpdateOffer.
             * @typedef {ota.v1.UpdateOffer.$Properties} ota.v1.UpdateOffer.$Shape
             */

            /**
             * Constructs a new UpdateOffer.
             * @memberof ota.v1
             * @classdesc Represents an UpdateOffer.
             * @constructor
             * @param {ota.v1.UpdateOffer.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UpdateOffer = function (p) {
                this.roots = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * UpdateOffer roots.
             * @member {Array.<ota.v1.Signed.$Properties>} roots
             * @memberof ota.v1.UpdateOffer
             * @instance
             */
            UpdateOffer.prototype.roots = $util.emptyArray;

            /**
             * UpdateOffer manifest.
             * @member {ota.v1.Signed.$Properties|null|undefined} manifest
             * @memberof ota.v1.UpdateOffer
             * @instance
             */
            UpdateOffer.prototype.manifest = null;

            /**
             * Creates a new UpdateOffer instance using the specified properties.
             * @function create
             * @memberof ota.v1.UpdateOffer
             * @static
             * @param {ota.v1.UpdateOffer.$Properties=} [properties] Properties to set
             * @returns {ota.v1.UpdateOffer} UpdateOffer instance
             * @type {{
             *   (properties: ota.v1.UpdateOffer.$Shape): ota.v1.UpdateOffer & ota.v1.UpdateOffer.$Shape;
             *   (properties?: ota.v1.UpdateOffer.$Properties): ota.v1.UpdateOffer;
             * }}
             */
            UpdateOffer.create = function(properties) {
                return new UpdateOffer(properties);
            };

            /**
             * Encodes the specified UpdateOffer message. Does not implicitly {@link ota.v1.UpdateOffer.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.UpdateOffer
             * @static
             * @param {ota.v1.UpdateOffer.$Properties} m UpdateOffer message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateOffer.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.roots != null && m.roots.length) {
                    for (var i = 0; i < m.roots.length; ++i)
                        $root.ota.v1.Signed.encode(m.roots[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.manifest != null && $Object.hasOwnProperty.call(m, "manifest"))
                    $root.ota.v1.Signed.encode(m.manifest, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an UpdateOffer message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.UpdateOffer
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.UpdateOffer & ota.v1.UpdateOffer.$Shape} UpdateOffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateOffer.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.UpdateOffer();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.roots && m.roots.length))
                                m.roots = [];
                            m.roots.push($root.ota.v1.Signed.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.manifest = $root.ota.v1.Signed.decode(r, r.size(), $undefined, q + 1, m.manifest);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an UpdateOffer message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.UpdateOffer
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.UpdateOffer} UpdateOffer
             */
            UpdateOffer.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.UpdateOffer)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.UpdateOffer: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.UpdateOffer();
                if (d.roots) {
                    if (!$Array.isArray(d.roots))
                        throw $TypeError(".ota.v1.UpdateOffer.roots: array expected");
                    m.roots = $Array(d.roots.length);
                    for (var i = 0; i < d.roots.length; ++i) {
                        if (!$util.isObject(d.roots[i]))
                            throw $TypeError(".ota.v1.UpdateOffer.roots: object expected");
                        m.roots[i] = $root.ota.v1.Signed.fromObject(d.roots[i], q + 1);
                    }
                }
                if (d.manifest != null) {
                    if (!$util.isObject(d.manifest))
                        throw $TypeError(".ota.v1.UpdateOffer.manifest: object expected");
                    m.manifest = $root.ota.v1.Signed.fromObject(d.manifest, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an UpdateOffer message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.UpdateOffer
             * @static
             * @param {ota.v1.UpdateOffer} m UpdateOffer
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UpdateOffer.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.roots = [];
                }
                if (o.defaults) {
                    d.manifest = null;
                }
                if (m.roots && m.roots.length) {
                    d.roots = $Array(m.roots.length);
                    for (var j = 0; j < m.roots.length; ++j) {
                        d.roots[j] = $root.ota.v1.Signed.toObject(m.roots[j], o, q + 1);
                    }
                }
                if (m.manifest != null && $Object.hasOwnProperty.call(m, "manifest")) {
                    d.manifest = $root.ota.v1.Signed.toObject(m.manifest, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this UpdateOffer to JSON.
             * @function toJSON
             * @memberof ota.v1.UpdateOffer
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UpdateOffer.prototype.toJSON = function() {
                return UpdateOffer.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for UpdateOffer
             * @function getTypeUrl
             * @memberof ota.v1.UpdateOffer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UpdateOffer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.UpdateOffer";
            };

            return UpdateOffer;
        })();

        v1.ChunkRequest = (function() {

            /**
             * Properties of a ChunkRequest.
             * @typedef {Object} ota.v1.ChunkRequest.$Properties
             * @property {string|null} [executionId] ChunkRequest executionId
             * @property {number|null} [index] ChunkRequest index
             * @property {number|null} [count] ChunkRequest count
             * @property {Uint8Array|null} [imageSha256] ChunkRequest imageSha256
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ChunkRequest.
             * @memberof ota.v1
             * @interface IChunkRequest
             * @augments ota.v1.ChunkRequest.$Properties
             * @deprecated Use ota.v1.ChunkRequest.$Properties instead.
             */

            /**
             * Shape of a ChunkRequest.
             * @typedef {ota.v1.ChunkRequest.$Properties} ota.v1.ChunkRequest.$Shape
             */

            /**
             * Constructs a new ChunkRequest.
             * @memberof ota.v1
             * @classdesc Represents a ChunkRequest.
             * @constructor
             * @param {ota.v1.ChunkRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ChunkRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ChunkRequest executionId.
             * @member {string} executionId
             * @memberof ota.v1.ChunkRequest
             * @instance
             */
            ChunkRequest.prototype.executionId = "";

            /**
             * ChunkRequest index.
             * @member {number} index
             * @memberof ota.v1.ChunkRequest
             * @instance
             */
            ChunkRequest.prototype.index = 0;

            /**
             * ChunkRequest count.
             * @member {number} count
             * @memberof ota.v1.ChunkRequest
             * @instance
             */
            ChunkRequest.prototype.count = 0;

            /**
             * ChunkRequest imageSha256.
             * @member {Uint8Array} imageSha256
             * @memberof ota.v1.ChunkRequest
             * @instance
             */
            ChunkRequest.prototype.imageSha256 = $util.newBuffer([]);

            /**
             * Creates a new ChunkRequest instance using the specified properties.
             * @function create
             * @memberof ota.v1.ChunkRequest
             * @static
             * @param {ota.v1.ChunkRequest.$Properties=} [properties] Properties to set
             * @returns {ota.v1.ChunkRequest} ChunkRequest instance
             * @type {{
             *   (properties: ota.v1.ChunkRequest.$Shape): ota.v1.ChunkRequest & ota.v1.ChunkRequest.$Shape;
             *   (properties?: ota.v1.ChunkRequest.$Properties): ota.v1.ChunkRequest;
             * }}
             */
            ChunkRequest.create = function(properties) {
                return new ChunkRequest(properties);
            };

            /**
             * Encodes the specified ChunkRequest message. Does not implicitly {@link ota.v1.ChunkRequest.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.ChunkRequest
             * @static
             * @param {ota.v1.ChunkRequest.$Properties} m ChunkRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChunkRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.executionId);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.index);
                if (m.count != null && $Object.hasOwnProperty.call(m, "count") && m.count !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.count);
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256") && m.imageSha256.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.imageSha256);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ChunkRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.ChunkRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.ChunkRequest & ota.v1.ChunkRequest.$Shape} ChunkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChunkRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.ChunkRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.count = v;
                            else
                                delete m.count;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.imageSha256 = v;
                            else
                                delete m.imageSha256;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a ChunkRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.ChunkRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.ChunkRequest} ChunkRequest
             */
            ChunkRequest.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.ChunkRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.ChunkRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.ChunkRequest();
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.count != null) {
                    if ($Number(d.count) !== 0) {
                        m.count = d.count >>> 0;
                    }
                }
                if (d.imageSha256 != null) {
                    if (d.imageSha256.length) {
                        if (typeof d.imageSha256 === "string")
                            $util.base64.decode(d.imageSha256, m.imageSha256 = $util.newBuffer($util.base64.length(d.imageSha256)), 0);
                        else if (d.imageSha256.length >= 0)
                            m.imageSha256 = d.imageSha256;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ChunkRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.ChunkRequest
             * @static
             * @param {ota.v1.ChunkRequest} m ChunkRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ChunkRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.executionId = "";
                    d.index = 0;
                    d.count = 0;
                    if (o.bytes === $String)
                        d.imageSha256 = "";
                    else {
                        d.imageSha256 = [];
                        if (o.bytes !== $Array)
                            d.imageSha256 = $util.newBuffer(d.imageSha256);
                    }
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.count != null && $Object.hasOwnProperty.call(m, "count")) {
                    d.count = m.count;
                }
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256")) {
                    d.imageSha256 = o.bytes === $String ? $util.base64.encode(m.imageSha256, 0, m.imageSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.imageSha256) : m.imageSha256;
                }
                return d;
            };

            /**
             * Converts this ChunkRequest to JSON.
             * @function toJSON
             * @memberof ota.v1.ChunkRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ChunkRequest.prototype.toJSON = function() {
                return ChunkRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ChunkRequest
             * @function getTypeUrl
             * @memberof ota.v1.ChunkRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ChunkRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.ChunkRequest";
            };

            return ChunkRequest;
        })();

        v1.Chunk = (function() {

            /**
             * Properties of a Chunk.
             * @typedef {Object} ota.v1.Chunk.$Properties
             * @property {string|null} [executionId] Chunk executionId
             * @property {number|null} [index] Chunk index
             * @property {number|Long|null} [offset] Chunk offset
             * @property {Uint8Array|null} [data] Chunk data
             * @property {Uint8Array|null} [imageSha256] Chunk imageSha256
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Chunk.
             * @memberof ota.v1
             * @interface IChunk
             * @augments ota.v1.Chunk.$Properties
             * @deprecated Use ota.v1.Chunk.$Properties instead.
             */

            /**
             * Shape of a Chunk.
             * @typedef {ota.v1.Chunk.$Properties} ota.v1.Chunk.$Shape
             */

            /**
             * Constructs a new Chunk.
             * @memberof ota.v1
             * @classdesc Represents a Chunk.
             * @constructor
             * @param {ota.v1.Chunk.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Chunk = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Chunk executionId.
             * @member {string} executionId
             * @memberof ota.v1.Chunk
             * @instance
             */
            Chunk.prototype.executionId = "";

            /**
             * Chunk index.
             * @member {number} index
             * @memberof ota.v1.Chunk
             * @instance
             */
            Chunk.prototype.index = 0;

            /**
             * Chunk offset.
             * @member {number|Long} offset
             * @memberof ota.v1.Chunk
             * @instance
             */
            Chunk.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Chunk data.
             * @member {Uint8Array} data
             * @memberof ota.v1.Chunk
             * @instance
             */
            Chunk.prototype.data = $util.newBuffer([]);

            /**
             * Chunk imageSha256.
             * @member {Uint8Array} imageSha256
             * @memberof ota.v1.Chunk
             * @instance
             */
            Chunk.prototype.imageSha256 = $util.newBuffer([]);

            /**
             * Creates a new Chunk instance using the specified properties.
             * @function create
             * @memberof ota.v1.Chunk
             * @static
             * @param {ota.v1.Chunk.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Chunk} Chunk instance
             * @type {{
             *   (properties: ota.v1.Chunk.$Shape): ota.v1.Chunk & ota.v1.Chunk.$Shape;
             *   (properties?: ota.v1.Chunk.$Properties): ota.v1.Chunk;
             * }}
             */
            Chunk.create = function(properties) {
                return new Chunk(properties);
            };

            /**
             * Encodes the specified Chunk message. Does not implicitly {@link ota.v1.Chunk.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Chunk
             * @static
             * @param {ota.v1.Chunk.$Properties} m Chunk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Chunk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.executionId);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.index);
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset") && (typeof m.offset === "object" ? m.offset.low || m.offset.high : m.offset !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.offset);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.data);
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256") && m.imageSha256.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.imageSha256);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Chunk message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Chunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Chunk & ota.v1.Chunk.$Shape} Chunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Chunk.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Chunk();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.offset = v;
                            else
                                delete m.offset;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.imageSha256 = v;
                            else
                                delete m.imageSha256;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Chunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Chunk
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Chunk} Chunk
             */
            Chunk.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Chunk)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Chunk: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Chunk();
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.offset != null) {
                    if (typeof d.offset === "object" ? d.offset.low || d.offset.high : $Number(d.offset) !== 0) {
                        if ($util.Long)
                            m.offset = $util.Long.fromValue(d.offset, true);
                        else if (typeof d.offset === "string")
                            m.offset = $parseInt(d.offset, 10);
                        else if (typeof d.offset === "number")
                            m.offset = d.offset;
                        else if (typeof d.offset === "object")
                            m.offset = new $util.LongBits(d.offset.low >>> 0, d.offset.high >>> 0).toNumber(true);
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                if (d.imageSha256 != null) {
                    if (d.imageSha256.length) {
                        if (typeof d.imageSha256 === "string")
                            $util.base64.decode(d.imageSha256, m.imageSha256 = $util.newBuffer($util.base64.length(d.imageSha256)), 0);
                        else if (d.imageSha256.length >= 0)
                            m.imageSha256 = d.imageSha256;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Chunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Chunk
             * @static
             * @param {ota.v1.Chunk} m Chunk
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Chunk.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.executionId = "";
                    d.index = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.offset = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.offset = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                    if (o.bytes === $String)
                        d.imageSha256 = "";
                    else {
                        d.imageSha256 = [];
                        if (o.bytes !== $Array)
                            d.imageSha256 = $util.newBuffer(d.imageSha256);
                    }
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.offset = typeof m.offset === "number" ? $BigInt(m.offset) : $util.Long.fromBits(m.offset.low >>> 0, m.offset.high >>> 0, true).toBigInt();
                    else if (typeof m.offset === "number")
                        d.offset = o.longs === $String ? $String(m.offset) : m.offset;
                    else
                        d.offset = o.longs === $String ? $util.Long.prototype.toString.call(m.offset) : o.longs === $Number ? new $util.LongBits(m.offset.low >>> 0, m.offset.high >>> 0).toNumber(true) : m.offset;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                if (m.imageSha256 != null && $Object.hasOwnProperty.call(m, "imageSha256")) {
                    d.imageSha256 = o.bytes === $String ? $util.base64.encode(m.imageSha256, 0, m.imageSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.imageSha256) : m.imageSha256;
                }
                return d;
            };

            /**
             * Converts this Chunk to JSON.
             * @function toJSON
             * @memberof ota.v1.Chunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Chunk.prototype.toJSON = function() {
                return Chunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Chunk
             * @function getTypeUrl
             * @memberof ota.v1.Chunk
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Chunk.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Chunk";
            };

            return Chunk;
        })();

        /**
         * Phase enum.
         * @name ota.v1.Phase
         * @enum {number}
         * @property {number} PHASE_UNSPECIFIED=0 PHASE_UNSPECIFIED value
         * @property {number} DOWNLOADING=1 DOWNLOADING value
         * @property {number} VERIFYING=2 VERIFYING value
         * @property {number} INSTALLING=3 INSTALLING value
         */
        v1.Phase = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PHASE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DOWNLOADING"] = 1;
            values[valuesById[2] = "VERIFYING"] = 2;
            values[valuesById[3] = "INSTALLING"] = 3;
            return values;
        })();

        v1.Progress = (function() {

            /**
             * Properties of a Progress.
             * @typedef {Object} ota.v1.Progress.$Properties
             * @property {string|null} [executionId] Progress executionId
             * @property {ota.v1.Phase|null} [phase] Progress phase
             * @property {number|Long|null} [bytesDone] Progress bytesDone
             * @property {number|Long|null} [bytesTotal] Progress bytesTotal
             * @property {string|null} [ecuSerial] Progress ecuSerial
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Progress.
             * @memberof ota.v1
             * @interface IProgress
             * @augments ota.v1.Progress.$Properties
             * @deprecated Use ota.v1.Progress.$Properties instead.
             */

            /**
             * Shape of a Progress.
             * @typedef {ota.v1.Progress.$Properties} ota.v1.Progress.$Shape
             */

            /**
             * Constructs a new Progress.
             * @memberof ota.v1
             * @classdesc Represents a Progress.
             * @constructor
             * @param {ota.v1.Progress.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Progress = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Progress executionId.
             * @member {string} executionId
             * @memberof ota.v1.Progress
             * @instance
             */
            Progress.prototype.executionId = "";

            /**
             * Progress phase.
             * @member {ota.v1.Phase} phase
             * @memberof ota.v1.Progress
             * @instance
             */
            Progress.prototype.phase = 0;

            /**
             * Progress bytesDone.
             * @member {number|Long} bytesDone
             * @memberof ota.v1.Progress
             * @instance
             */
            Progress.prototype.bytesDone = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Progress bytesTotal.
             * @member {number|Long} bytesTotal
             * @memberof ota.v1.Progress
             * @instance
             */
            Progress.prototype.bytesTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Progress ecuSerial.
             * @member {string} ecuSerial
             * @memberof ota.v1.Progress
             * @instance
             */
            Progress.prototype.ecuSerial = "";

            /**
             * Creates a new Progress instance using the specified properties.
             * @function create
             * @memberof ota.v1.Progress
             * @static
             * @param {ota.v1.Progress.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Progress} Progress instance
             * @type {{
             *   (properties: ota.v1.Progress.$Shape): ota.v1.Progress & ota.v1.Progress.$Shape;
             *   (properties?: ota.v1.Progress.$Properties): ota.v1.Progress;
             * }}
             */
            Progress.create = function(properties) {
                return new Progress(properties);
            };

            /**
             * Encodes the specified Progress message. Does not implicitly {@link ota.v1.Progress.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Progress
             * @static
             * @param {ota.v1.Progress.$Properties} m Progress message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Progress.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.executionId);
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase") && m.phase !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.phase);
                if (m.bytesDone != null && $Object.hasOwnProperty.call(m, "bytesDone") && (typeof m.bytesDone === "object" ? m.bytesDone.low || m.bytesDone.high : m.bytesDone !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.bytesDone);
                if (m.bytesTotal != null && $Object.hasOwnProperty.call(m, "bytesTotal") && (typeof m.bytesTotal === "object" ? m.bytesTotal.low || m.bytesTotal.high : m.bytesTotal !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.bytesTotal);
                if (m.ecuSerial != null && $Object.hasOwnProperty.call(m, "ecuSerial") && m.ecuSerial !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.ecuSerial);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Progress message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Progress
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Progress & ota.v1.Progress.$Shape} Progress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Progress.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Progress();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.phase = v;
                            else
                                delete m.phase;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.bytesDone = v;
                            else
                                delete m.bytesDone;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.bytesTotal = v;
                            else
                                delete m.bytesTotal;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ecuSerial = v;
                            else
                                delete m.ecuSerial;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Progress message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Progress
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Progress} Progress
             */
            Progress.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Progress)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Progress: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Progress();
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                if (d.phase !== 0 && (typeof d.phase !== "string" || $root.ota.v1.Phase[d.phase] !== 0)) {
                    switch (d.phase) {
                    case "PHASE_UNSPECIFIED":
                    case 0:
                        m.phase = 0;
                        break;
                    case "DOWNLOADING":
                    case 1:
                        m.phase = 1;
                        break;
                    case "VERIFYING":
                    case 2:
                        m.phase = 2;
                        break;
                    case "INSTALLING":
                    case 3:
                        m.phase = 3;
                        break;
                    default:
                        if (typeof d.phase === "number" && (d.phase | 0) === d.phase)
                            m.phase = d.phase;
                    }
                }
                if (d.bytesDone != null) {
                    if (typeof d.bytesDone === "object" ? d.bytesDone.low || d.bytesDone.high : $Number(d.bytesDone) !== 0) {
                        if ($util.Long)
                            m.bytesDone = $util.Long.fromValue(d.bytesDone, true);
                        else if (typeof d.bytesDone === "string")
                            m.bytesDone = $parseInt(d.bytesDone, 10);
                        else if (typeof d.bytesDone === "number")
                            m.bytesDone = d.bytesDone;
                        else if (typeof d.bytesDone === "object")
                            m.bytesDone = new $util.LongBits(d.bytesDone.low >>> 0, d.bytesDone.high >>> 0).toNumber(true);
                    }
                }
                if (d.bytesTotal != null) {
                    if (typeof d.bytesTotal === "object" ? d.bytesTotal.low || d.bytesTotal.high : $Number(d.bytesTotal) !== 0) {
                        if ($util.Long)
                            m.bytesTotal = $util.Long.fromValue(d.bytesTotal, true);
                        else if (typeof d.bytesTotal === "string")
                            m.bytesTotal = $parseInt(d.bytesTotal, 10);
                        else if (typeof d.bytesTotal === "number")
                            m.bytesTotal = d.bytesTotal;
                        else if (typeof d.bytesTotal === "object")
                            m.bytesTotal = new $util.LongBits(d.bytesTotal.low >>> 0, d.bytesTotal.high >>> 0).toNumber(true);
                    }
                }
                if (d.ecuSerial != null) {
                    if (typeof d.ecuSerial !== "string" || d.ecuSerial.length) {
                        m.ecuSerial = $String(d.ecuSerial);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Progress message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Progress
             * @static
             * @param {ota.v1.Progress} m Progress
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Progress.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.executionId = "";
                    d.phase = o.enums === $String ? "PHASE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.bytesDone = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.bytesDone = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.bytesTotal = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.bytesTotal = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.ecuSerial = "";
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                if (m.phase != null && $Object.hasOwnProperty.call(m, "phase")) {
                    d.phase = o.enums === $String ? $root.ota.v1.Phase[m.phase] === $undefined ? m.phase : $root.ota.v1.Phase[m.phase] : m.phase;
                }
                if (m.bytesDone != null && $Object.hasOwnProperty.call(m, "bytesDone")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.bytesDone = typeof m.bytesDone === "number" ? $BigInt(m.bytesDone) : $util.Long.fromBits(m.bytesDone.low >>> 0, m.bytesDone.high >>> 0, true).toBigInt();
                    else if (typeof m.bytesDone === "number")
                        d.bytesDone = o.longs === $String ? $String(m.bytesDone) : m.bytesDone;
                    else
                        d.bytesDone = o.longs === $String ? $util.Long.prototype.toString.call(m.bytesDone) : o.longs === $Number ? new $util.LongBits(m.bytesDone.low >>> 0, m.bytesDone.high >>> 0).toNumber(true) : m.bytesDone;
                }
                if (m.bytesTotal != null && $Object.hasOwnProperty.call(m, "bytesTotal")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.bytesTotal = typeof m.bytesTotal === "number" ? $BigInt(m.bytesTotal) : $util.Long.fromBits(m.bytesTotal.low >>> 0, m.bytesTotal.high >>> 0, true).toBigInt();
                    else if (typeof m.bytesTotal === "number")
                        d.bytesTotal = o.longs === $String ? $String(m.bytesTotal) : m.bytesTotal;
                    else
                        d.bytesTotal = o.longs === $String ? $util.Long.prototype.toString.call(m.bytesTotal) : o.longs === $Number ? new $util.LongBits(m.bytesTotal.low >>> 0, m.bytesTotal.high >>> 0).toNumber(true) : m.bytesTotal;
                }
                if (m.ecuSerial != null && $Object.hasOwnProperty.call(m, "ecuSerial")) {
                    d.ecuSerial = m.ecuSerial;
                }
                return d;
            };

            /**
             * Converts this Progress to JSON.
             * @function toJSON
             * @memberof ota.v1.Progress
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Progress.prototype.toJSON = function() {
                return Progress.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Progress
             * @function getTypeUrl
             * @memberof ota.v1.Progress
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Progress.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Progress";
            };

            return Progress;
        })();

        v1.EcuResult = (function() {

            /**
             * Properties of an EcuResult.
             * @typedef {Object} ota.v1.EcuResult.$Properties
             * @property {string|null} [ecuSerial] EcuResult ecuSerial
             * @property {ota.v1.ResultCode|null} [code] EcuResult code
             * @property {string|null} [description] EcuResult description
             * @property {string|null} [softwareVersion] EcuResult softwareVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcuResult.
             * @memberof ota.v1
             * @interface IEcuResult
             * @augments ota.v1.EcuResult.$Properties
             * @deprecated Use ota.v1.EcuResult.$Properties instead.
             */

            /**
             * Shape of an EcuResult.
             * @typedef {ota.v1.EcuResult.$Properties} ota.v1.EcuResult.$Shape
             */

            /**
             * Constructs a new EcuResult.
             * @memberof ota.v1
             * @classdesc Represents an EcuResult.
             * @constructor
             * @param {ota.v1.EcuResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcuResult = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcuResult ecuSerial.
             * @member {string} ecuSerial
             * @memberof ota.v1.EcuResult
             * @instance
             */
            EcuResult.prototype.ecuSerial = "";

            /**
             * EcuResult code.
             * @member {ota.v1.ResultCode} code
             * @memberof ota.v1.EcuResult
             * @instance
             */
            EcuResult.prototype.code = 0;

            /**
             * EcuResult description.
             * @member {string} description
             * @memberof ota.v1.EcuResult
             * @instance
             */
            EcuResult.prototype.description = "";

            /**
             * EcuResult softwareVersion.
             * @member {string} softwareVersion
             * @memberof ota.v1.EcuResult
             * @instance
             */
            EcuResult.prototype.softwareVersion = "";

            /**
             * Creates a new EcuResult instance using the specified properties.
             * @function create
             * @memberof ota.v1.EcuResult
             * @static
             * @param {ota.v1.EcuResult.$Properties=} [properties] Properties to set
             * @returns {ota.v1.EcuResult} EcuResult instance
             * @type {{
             *   (properties: ota.v1.EcuResult.$Shape): ota.v1.EcuResult & ota.v1.EcuResult.$Shape;
             *   (properties?: ota.v1.EcuResult.$Properties): ota.v1.EcuResult;
             * }}
             */
            EcuResult.create = function(properties) {
                return new EcuResult(properties);
            };

            /**
             * Encodes the specified EcuResult message. Does not implicitly {@link ota.v1.EcuResult.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.EcuResult
             * @static
             * @param {ota.v1.EcuResult.$Properties} m EcuResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcuResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.ecuSerial != null && $Object.hasOwnProperty.call(m, "ecuSerial") && m.ecuSerial !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.ecuSerial);
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.code);
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.description);
                if (m.softwareVersion != null && $Object.hasOwnProperty.call(m, "softwareVersion") && m.softwareVersion !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.softwareVersion);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcuResult message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.EcuResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.EcuResult & ota.v1.EcuResult.$Shape} EcuResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcuResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.EcuResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ecuSerial = v;
                            else
                                delete m.ecuSerial;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.softwareVersion = v;
                            else
                                delete m.softwareVersion;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an EcuResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.EcuResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.EcuResult} EcuResult
             */
            EcuResult.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.EcuResult)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.EcuResult: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.EcuResult();
                if (d.ecuSerial != null) {
                    if (typeof d.ecuSerial !== "string" || d.ecuSerial.length) {
                        m.ecuSerial = $String(d.ecuSerial);
                    }
                }
                if (d.code !== 0 && (typeof d.code !== "string" || $root.ota.v1.ResultCode[d.code] !== 0)) {
                    switch (d.code) {
                    case "RESULT_UNSPECIFIED":
                    case 0:
                        m.code = 0;
                        break;
                    case "OK":
                    case 1:
                        m.code = 1;
                        break;
                    case "ALREADY_PROCESSED":
                    case 2:
                        m.code = 2;
                        break;
                    case "VERIFICATION_FAILED":
                    case 3:
                        m.code = 3;
                        break;
                    case "INSTALL_FAILED":
                    case 4:
                        m.code = 4;
                        break;
                    case "DOWNLOAD_FAILED":
                    case 5:
                        m.code = 5;
                        break;
                    case "INTERNAL_ERROR":
                    case 18:
                        m.code = 18;
                        break;
                    case "GENERAL_ERROR":
                    case 19:
                        m.code = 19;
                        break;
                    case "OPERATION_CANCELLED":
                    case 23:
                        m.code = 23;
                        break;
                    case "SIGNATURE_INVALID":
                    case 30:
                        m.code = 30;
                        break;
                    case "METADATA_EXPIRED":
                    case 31:
                        m.code = 31;
                        break;
                    case "ROLLBACK_DETECTED":
                    case 32:
                        m.code = 32;
                        break;
                    case "HARDWARE_ID_MISMATCH":
                    case 33:
                        m.code = 33;
                        break;
                    case "HASH_MISMATCH":
                    case 34:
                        m.code = 34;
                        break;
                    case "LENGTH_EXCEEDED":
                    case 35:
                        m.code = 35;
                        break;
                    case "VIN_MISMATCH":
                    case 36:
                        m.code = 36;
                        break;
                    case "ECU_NOT_FOUND":
                    case 37:
                        m.code = 37;
                        break;
                    case "UNKNOWN_KEY":
                    case 38:
                        m.code = 38;
                        break;
                    case "NONCE_MISMATCH":
                    case 39:
                        m.code = 39;
                        break;
                    case "PRECONDITIONS_NOT_MET":
                    case 40:
                        m.code = 40;
                        break;
                    case "LOW_BATTERY":
                    case 41:
                        m.code = 41;
                        break;
                    case "ECU_NOT_RESPONDING":
                    case 43:
                        m.code = 43;
                        break;
                    case "FLASH_FAILED":
                    case 44:
                        m.code = 44;
                        break;
                    case "POWER_LOSS":
                    case 46:
                        m.code = 46;
                        break;
                    case "ROLLED_BACK":
                    case 47:
                        m.code = 47;
                        break;
                    case "CONSENT_DECLINED":
                    case 48:
                        m.code = 48;
                        break;
                    case "BUSY":
                    case 49:
                        m.code = 49;
                        break;
                    case "CONSENT_POSTPONED":
                    case 50:
                        m.code = 50;
                        break;
                    case "PARTIAL_BUNDLE":
                    case 60:
                        m.code = 60;
                        break;
                    case "NOT_ATTEMPTED":
                    case 61:
                        m.code = 61;
                        break;
                    case "TARGETS_DISAGREE":
                    case 70:
                        m.code = 70;
                        break;
                    case "ROOT_INVALID":
                    case 71:
                        m.code = 71;
                        break;
                    case "SLOW_RETRIEVAL":
                    case 72:
                        m.code = 72;
                        break;
                    default:
                        if (typeof d.code === "number" && (d.code | 0) === d.code)
                            m.code = d.code;
                    }
                }
                if (d.description != null) {
                    if (typeof d.description !== "string" || d.description.length) {
                        m.description = $String(d.description);
                    }
                }
                if (d.softwareVersion != null) {
                    if (typeof d.softwareVersion !== "string" || d.softwareVersion.length) {
                        m.softwareVersion = $String(d.softwareVersion);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an EcuResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.EcuResult
             * @static
             * @param {ota.v1.EcuResult} m EcuResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EcuResult.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.ecuSerial = "";
                    d.code = o.enums === $String ? "RESULT_UNSPECIFIED" : 0;
                    d.description = "";
                    d.softwareVersion = "";
                }
                if (m.ecuSerial != null && $Object.hasOwnProperty.call(m, "ecuSerial")) {
                    d.ecuSerial = m.ecuSerial;
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = o.enums === $String ? $root.ota.v1.ResultCode[m.code] === $undefined ? m.code : $root.ota.v1.ResultCode[m.code] : m.code;
                }
                if (m.description != null && $Object.hasOwnProperty.call(m, "description")) {
                    d.description = m.description;
                }
                if (m.softwareVersion != null && $Object.hasOwnProperty.call(m, "softwareVersion")) {
                    d.softwareVersion = m.softwareVersion;
                }
                return d;
            };

            /**
             * Converts this EcuResult to JSON.
             * @function toJSON
             * @memberof ota.v1.EcuResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EcuResult.prototype.toJSON = function() {
                return EcuResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EcuResult
             * @function getTypeUrl
             * @memberof ota.v1.EcuResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcuResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.EcuResult";
            };

            return EcuResult;
        })();

        v1.InstallResult = (function() {

            /**
             * Properties of an InstallResult.
             * @typedef {Object} ota.v1.InstallResult.$Properties
             * @property {string|null} [executionId] InstallResult executionId
             * @property {boolean|null} [success] InstallResult success
             * @property {ota.v1.ResultCode|null} [code] InstallResult code
             * @property {string|null} [description] InstallResult description
             * @property {Array.<ota.v1.EcuResult.$Properties>|null} [ecus] InstallResult ecus
             * @property {number|Long|null} [bytesReceived] InstallResult bytesReceived
             * @property {number|null} [attempt] InstallResult attempt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstallResult.
             * @memberof ota.v1
             * @interface IInstallResult
             * @augments ota.v1.InstallResult.$Properties
             * @deprecated Use ota.v1.InstallResult.$Properties instead.
             */

            /**
             * Shape of an InstallResult.
             * @typedef {ota.v1.InstallResult.$Properties} ota.v1.InstallResult.$Shape
             */

            /**
             * Constructs a new InstallResult.
             * @memberof ota.v1
             * @classdesc Represents an InstallResult.
             * @constructor
             * @param {ota.v1.InstallResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstallResult = function (p) {
                this.ecus = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InstallResult executionId.
             * @member {string} executionId
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.executionId = "";

            /**
             * InstallResult success.
             * @member {boolean} success
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.success = false;

            /**
             * InstallResult code.
             * @member {ota.v1.ResultCode} code
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.code = 0;

            /**
             * InstallResult description.
             * @member {string} description
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.description = "";

            /**
             * InstallResult ecus.
             * @member {Array.<ota.v1.EcuResult.$Properties>} ecus
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.ecus = $util.emptyArray;

            /**
             * InstallResult bytesReceived.
             * @member {number|Long} bytesReceived
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.bytesReceived = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InstallResult attempt.
             * @member {number} attempt
             * @memberof ota.v1.InstallResult
             * @instance
             */
            InstallResult.prototype.attempt = 0;

            /**
             * Creates a new InstallResult instance using the specified properties.
             * @function create
             * @memberof ota.v1.InstallResult
             * @static
             * @param {ota.v1.InstallResult.$Properties=} [properties] Properties to set
             * @returns {ota.v1.InstallResult} InstallResult instance
             * @type {{
             *   (properties: ota.v1.InstallResult.$Shape): ota.v1.InstallResult & ota.v1.InstallResult.$Shape;
             *   (properties?: ota.v1.InstallResult.$Properties): ota.v1.InstallResult;
             * }}
             */
            InstallResult.create = function(properties) {
                return new InstallResult(properties);
            };

            /**
             * Encodes the specified InstallResult message. Does not implicitly {@link ota.v1.InstallResult.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.InstallResult
             * @static
             * @param {ota.v1.InstallResult.$Properties} m InstallResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstallResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.executionId);
                if (m.success != null && $Object.hasOwnProperty.call(m, "success") && m.success !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.success);
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.code);
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.description);
                if (m.ecus != null && m.ecus.length) {
                    for (var i = 0; i < m.ecus.length; ++i)
                        $root.ota.v1.EcuResult.encode(m.ecus[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.bytesReceived != null && $Object.hasOwnProperty.call(m, "bytesReceived") && (typeof m.bytesReceived === "object" ? m.bytesReceived.low || m.bytesReceived.high : m.bytesReceived !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.bytesReceived);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.attempt);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an InstallResult message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.InstallResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.InstallResult & ota.v1.InstallResult.$Shape} InstallResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstallResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.InstallResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.success = v;
                            else
                                delete m.success;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.ecus && m.ecus.length))
                                m.ecus = [];
                            m.ecus.push($root.ota.v1.EcuResult.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.bytesReceived = v;
                            else
                                delete m.bytesReceived;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates an InstallResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.InstallResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.InstallResult} InstallResult
             */
            InstallResult.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.InstallResult)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.InstallResult: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.InstallResult();
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                if (d.success != null) {
                    if (d.success) {
                        m.success = $Boolean(d.success);
                    }
                }
                if (d.code !== 0 && (typeof d.code !== "string" || $root.ota.v1.ResultCode[d.code] !== 0)) {
                    switch (d.code) {
                    case "RESULT_UNSPECIFIED":
                    case 0:
                        m.code = 0;
                        break;
                    case "OK":
                    case 1:
                        m.code = 1;
                        break;
                    case "ALREADY_PROCESSED":
                    case 2:
                        m.code = 2;
                        break;
                    case "VERIFICATION_FAILED":
                    case 3:
                        m.code = 3;
                        break;
                    case "INSTALL_FAILED":
                    case 4:
                        m.code = 4;
                        break;
                    case "DOWNLOAD_FAILED":
                    case 5:
                        m.code = 5;
                        break;
                    case "INTERNAL_ERROR":
                    case 18:
                        m.code = 18;
                        break;
                    case "GENERAL_ERROR":
                    case 19:
                        m.code = 19;
                        break;
                    case "OPERATION_CANCELLED":
                    case 23:
                        m.code = 23;
                        break;
                    case "SIGNATURE_INVALID":
                    case 30:
                        m.code = 30;
                        break;
                    case "METADATA_EXPIRED":
                    case 31:
                        m.code = 31;
                        break;
                    case "ROLLBACK_DETECTED":
                    case 32:
                        m.code = 32;
                        break;
                    case "HARDWARE_ID_MISMATCH":
                    case 33:
                        m.code = 33;
                        break;
                    case "HASH_MISMATCH":
                    case 34:
                        m.code = 34;
                        break;
                    case "LENGTH_EXCEEDED":
                    case 35:
                        m.code = 35;
                        break;
                    case "VIN_MISMATCH":
                    case 36:
                        m.code = 36;
                        break;
                    case "ECU_NOT_FOUND":
                    case 37:
                        m.code = 37;
                        break;
                    case "UNKNOWN_KEY":
                    case 38:
                        m.code = 38;
                        break;
                    case "NONCE_MISMATCH":
                    case 39:
                        m.code = 39;
                        break;
                    case "PRECONDITIONS_NOT_MET":
                    case 40:
                        m.code = 40;
                        break;
                    case "LOW_BATTERY":
                    case 41:
                        m.code = 41;
                        break;
                    case "ECU_NOT_RESPONDING":
                    case 43:
                        m.code = 43;
                        break;
                    case "FLASH_FAILED":
                    case 44:
                        m.code = 44;
                        break;
                    case "POWER_LOSS":
                    case 46:
                        m.code = 46;
                        break;
                    case "ROLLED_BACK":
                    case 47:
                        m.code = 47;
                        break;
                    case "CONSENT_DECLINED":
                    case 48:
                        m.code = 48;
                        break;
                    case "BUSY":
                    case 49:
                        m.code = 49;
                        break;
                    case "CONSENT_POSTPONED":
                    case 50:
                        m.code = 50;
                        break;
                    case "PARTIAL_BUNDLE":
                    case 60:
                        m.code = 60;
                        break;
                    case "NOT_ATTEMPTED":
                    case 61:
                        m.code = 61;
                        break;
                    case "TARGETS_DISAGREE":
                    case 70:
                        m.code = 70;
                        break;
                    case "ROOT_INVALID":
                    case 71:
                        m.code = 71;
                        break;
                    case "SLOW_RETRIEVAL":
                    case 72:
                        m.code = 72;
                        break;
                    default:
                        if (typeof d.code === "number" && (d.code | 0) === d.code)
                            m.code = d.code;
                    }
                }
                if (d.description != null) {
                    if (typeof d.description !== "string" || d.description.length) {
                        m.description = $String(d.description);
                    }
                }
                if (d.ecus) {
                    if (!$Array.isArray(d.ecus))
                        throw $TypeError(".ota.v1.InstallResult.ecus: array expected");
                    m.ecus = $Array(d.ecus.length);
                    for (var i = 0; i < d.ecus.length; ++i) {
                        if (!$util.isObject(d.ecus[i]))
                            throw $TypeError(".ota.v1.InstallResult.ecus: object expected");
                        m.ecus[i] = $root.ota.v1.EcuResult.fromObject(d.ecus[i], q + 1);
                    }
                }
                if (d.bytesReceived != null) {
                    if (typeof d.bytesReceived === "object" ? d.bytesReceived.low || d.bytesReceived.high : $Number(d.bytesReceived) !== 0) {
                        if ($util.Long)
                            m.bytesReceived = $util.Long.fromValue(d.bytesReceived, true);
                        else if (typeof d.bytesReceived === "string")
                            m.bytesReceived = $parseInt(d.bytesReceived, 10);
                        else if (typeof d.bytesReceived === "number")
                            m.bytesReceived = d.bytesReceived;
                        else if (typeof d.bytesReceived === "object")
                            m.bytesReceived = new $util.LongBits(d.bytesReceived.low >>> 0, d.bytesReceived.high >>> 0).toNumber(true);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an InstallResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.InstallResult
             * @static
             * @param {ota.v1.InstallResult} m InstallResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstallResult.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.ecus = [];
                }
                if (o.defaults) {
                    d.executionId = "";
                    d.success = false;
                    d.code = o.enums === $String ? "RESULT_UNSPECIFIED" : 0;
                    d.description = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.bytesReceived = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.bytesReceived = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.attempt = 0;
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                if (m.success != null && $Object.hasOwnProperty.call(m, "success")) {
                    d.success = m.success;
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = o.enums === $String ? $root.ota.v1.ResultCode[m.code] === $undefined ? m.code : $root.ota.v1.ResultCode[m.code] : m.code;
                }
                if (m.description != null && $Object.hasOwnProperty.call(m, "description")) {
                    d.description = m.description;
                }
                if (m.ecus && m.ecus.length) {
                    d.ecus = $Array(m.ecus.length);
                    for (var j = 0; j < m.ecus.length; ++j) {
                        d.ecus[j] = $root.ota.v1.EcuResult.toObject(m.ecus[j], o, q + 1);
                    }
                }
                if (m.bytesReceived != null && $Object.hasOwnProperty.call(m, "bytesReceived")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.bytesReceived = typeof m.bytesReceived === "number" ? $BigInt(m.bytesReceived) : $util.Long.fromBits(m.bytesReceived.low >>> 0, m.bytesReceived.high >>> 0, true).toBigInt();
                    else if (typeof m.bytesReceived === "number")
                        d.bytesReceived = o.longs === $String ? $String(m.bytesReceived) : m.bytesReceived;
                    else
                        d.bytesReceived = o.longs === $String ? $util.Long.prototype.toString.call(m.bytesReceived) : o.longs === $Number ? new $util.LongBits(m.bytesReceived.low >>> 0, m.bytesReceived.high >>> 0).toNumber(true) : m.bytesReceived;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                return d;
            };

            /**
             * Converts this InstallResult to JSON.
             * @function toJSON
             * @memberof ota.v1.InstallResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstallResult.prototype.toJSON = function() {
                return InstallResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstallResult
             * @function getTypeUrl
             * @memberof ota.v1.InstallResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstallResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.InstallResult";
            };

            return InstallResult;
        })();

        v1.CancelRequest = (function() {

            /**
             * Properties of a CancelRequest.
             * @typedef {Object} ota.v1.CancelRequest.$Properties
             * @property {string|null} [executionId] CancelRequest executionId
             * @property {string|null} [reason] CancelRequest reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelRequest.
             * @memberof ota.v1
             * @interface ICancelRequest
             * @augments ota.v1.CancelRequest.$Properties
             * @deprecated Use ota.v1.CancelRequest.$Properties instead.
             */

            /**
             * Shape of a CancelRequest.
             * @typedef {ota.v1.CancelRequest.$Properties} ota.v1.CancelRequest.$Shape
             */

            /**
             * Constructs a new CancelRequest.
             * @memberof ota.v1
             * @classdesc Represents a CancelRequest.
             * @constructor
             * @param {ota.v1.CancelRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CancelRequest executionId.
             * @member {string} executionId
             * @memberof ota.v1.CancelRequest
             * @instance
             */
            CancelRequest.prototype.executionId = "";

            /**
             * CancelRequest reason.
             * @member {string} reason
             * @memberof ota.v1.CancelRequest
             * @instance
             */
            CancelRequest.prototype.reason = "";

            /**
             * Creates a new CancelRequest instance using the specified properties.
             * @function create
             * @memberof ota.v1.CancelRequest
             * @static
             * @param {ota.v1.CancelRequest.$Properties=} [properties] Properties to set
             * @returns {ota.v1.CancelRequest} CancelRequest instance
             * @type {{
             *   (properties: ota.v1.CancelRequest.$Shape): ota.v1.CancelRequest & ota.v1.CancelRequest.$Shape;
             *   (properties?: ota.v1.CancelRequest.$Properties): ota.v1.CancelRequest;
             * }}
             */
            CancelRequest.create = function(properties) {
                return new CancelRequest(properties);
            };

            /**
             * Encodes the specified CancelRequest message. Does not implicitly {@link ota.v1.CancelRequest.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.CancelRequest
             * @static
             * @param {ota.v1.CancelRequest.$Properties} m CancelRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.executionId);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a CancelRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.CancelRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.CancelRequest & ota.v1.CancelRequest.$Shape} CancelRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.CancelRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a CancelRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.CancelRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.CancelRequest} CancelRequest
             */
            CancelRequest.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.CancelRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.CancelRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.CancelRequest();
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CancelRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.CancelRequest
             * @static
             * @param {ota.v1.CancelRequest} m CancelRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.executionId = "";
                    d.reason = "";
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this CancelRequest to JSON.
             * @function toJSON
             * @memberof ota.v1.CancelRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelRequest.prototype.toJSON = function() {
                return CancelRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CancelRequest
             * @function getTypeUrl
             * @memberof ota.v1.CancelRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CancelRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.CancelRequest";
            };

            return CancelRequest;
        })();

        v1.Rejection = (function() {

            /**
             * Properties of a Rejection.
             * @typedef {Object} ota.v1.Rejection.$Properties
             * @property {string|null} [topic] Rejection topic
             * @property {string|null} [reason] Rejection reason
             * @property {string|null} [message] Rejection message
             * @property {string|null} [executionId] Rejection executionId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Rejection.
             * @memberof ota.v1
             * @interface IRejection
             * @augments ota.v1.Rejection.$Properties
             * @deprecated Use ota.v1.Rejection.$Properties instead.
             */

            /**
             * Shape of a Rejection.
             * @typedef {ota.v1.Rejection.$Properties} ota.v1.Rejection.$Shape
             */

            /**
             * Constructs a new Rejection.
             * @memberof ota.v1
             * @classdesc Represents a Rejection.
             * @constructor
             * @param {ota.v1.Rejection.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Rejection = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Rejection topic.
             * @member {string} topic
             * @memberof ota.v1.Rejection
             * @instance
             */
            Rejection.prototype.topic = "";

            /**
             * Rejection reason.
             * @member {string} reason
             * @memberof ota.v1.Rejection
             * @instance
             */
            Rejection.prototype.reason = "";

            /**
             * Rejection message.
             * @member {string} message
             * @memberof ota.v1.Rejection
             * @instance
             */
            Rejection.prototype.message = "";

            /**
             * Rejection executionId.
             * @member {string} executionId
             * @memberof ota.v1.Rejection
             * @instance
             */
            Rejection.prototype.executionId = "";

            /**
             * Creates a new Rejection instance using the specified properties.
             * @function create
             * @memberof ota.v1.Rejection
             * @static
             * @param {ota.v1.Rejection.$Properties=} [properties] Properties to set
             * @returns {ota.v1.Rejection} Rejection instance
             * @type {{
             *   (properties: ota.v1.Rejection.$Shape): ota.v1.Rejection & ota.v1.Rejection.$Shape;
             *   (properties?: ota.v1.Rejection.$Properties): ota.v1.Rejection;
             * }}
             */
            Rejection.create = function(properties) {
                return new Rejection(properties);
            };

            /**
             * Encodes the specified Rejection message. Does not implicitly {@link ota.v1.Rejection.verify|verify} messages.
             * @function encode
             * @memberof ota.v1.Rejection
             * @static
             * @param {ota.v1.Rejection.$Properties} m Rejection message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rejection.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.topic);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.reason);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.message);
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId") && m.executionId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.executionId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Rejection message from the specified reader or buffer.
             * @function decode
             * @memberof ota.v1.Rejection
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {ota.v1.Rejection & ota.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rejection.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.ota.v1.Rejection();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.topic = v;
                            else
                                delete m.topic;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.executionId = v;
                            else
                                delete m.executionId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Creates a Rejection message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ota.v1.Rejection
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {ota.v1.Rejection} Rejection
             */
            Rejection.fromObject = function (d, q) {
                if (d instanceof $root.ota.v1.Rejection)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".ota.v1.Rejection: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.ota.v1.Rejection();
                if (d.topic != null) {
                    if (typeof d.topic !== "string" || d.topic.length) {
                        m.topic = $String(d.topic);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                if (d.executionId != null) {
                    if (typeof d.executionId !== "string" || d.executionId.length) {
                        m.executionId = $String(d.executionId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Rejection message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ota.v1.Rejection
             * @static
             * @param {ota.v1.Rejection} m Rejection
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Rejection.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.topic = "";
                    d.reason = "";
                    d.message = "";
                    d.executionId = "";
                }
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic")) {
                    d.topic = m.topic;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.executionId != null && $Object.hasOwnProperty.call(m, "executionId")) {
                    d.executionId = m.executionId;
                }
                return d;
            };

            /**
             * Converts this Rejection to JSON.
             * @function toJSON
             * @memberof ota.v1.Rejection
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Rejection.prototype.toJSON = function() {
                return Rejection.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Rejection
             * @function getTypeUrl
             * @memberof ota.v1.Rejection
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Rejection.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ota.v1.Rejection";
            };

            return Rejection;
        })();

        return v1;
    })();

    return ota;
})();

export {
  $root as default
};
