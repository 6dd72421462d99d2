"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.looksLikeApiKey = exports.API_KEY_START = void 0;
exports.generateApiKey = generateApiKey;
exports.parseApiKey = parseApiKey;
const node_crypto_1 = require("node:crypto");
exports.API_KEY_START = 'tg_live_';
const PREFIX_LENGTH = 12;
const SECRET_LENGTH = 43;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SHAPE = /^tg_live_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/;
function generateApiKey() {
    const bytes = (0, node_crypto_1.randomBytes)(PREFIX_LENGTH);
    const prefix = Array.from(bytes, (b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');
    const secret = (0, node_crypto_1.randomBytes)(32).toString('base64url');
    return { prefix, secret, key: `${exports.API_KEY_START}${prefix}_${secret}` };
}
function parseApiKey(key) {
    if (key.length !== exports.API_KEY_START.length + PREFIX_LENGTH + 1 + SECRET_LENGTH || !SHAPE.test(key))
        return null;
    const start = exports.API_KEY_START.length;
    return { prefix: key.slice(start, start + PREFIX_LENGTH), secret: key.slice(start + PREFIX_LENGTH + 1) };
}
const looksLikeApiKey = (token) => token.startsWith('tg_');
exports.looksLikeApiKey = looksLikeApiKey;
//# sourceMappingURL=api-key-token.js.map