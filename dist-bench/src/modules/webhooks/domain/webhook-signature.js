"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SIGNATURE_HEADER = void 0;
exports.signPayload = signPayload;
exports.verifySignature = verifySignature;
const node_crypto_1 = require("node:crypto");
exports.SIGNATURE_HEADER = 'Tollgate-Signature';
function signPayload(secret, timestampSeconds, body) {
    const mac = (0, node_crypto_1.createHmac)('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
    return `t=${timestampSeconds},v1=${mac}`;
}
function verifySignature(secret, header, body, nowSeconds, toleranceSeconds = 300) {
    const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2)));
    const t = Number(parts.t);
    if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds)
        return false;
    const expected = Buffer.from(signPayload(secret, t, body).split('v1=')[1], 'hex');
    const given = Buffer.from(parts.v1, 'hex');
    return given.length === expected.length && (0, node_crypto_1.timingSafeEqual)(given, expected);
}
//# sourceMappingURL=webhook-signature.js.map