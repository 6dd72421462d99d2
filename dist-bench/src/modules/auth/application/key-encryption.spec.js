"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_crypto_1 = require("node:crypto");
const key_encryption_1 = require("./key-encryption");
describe('key encryption (AES-256-GCM)', () => {
    const key = (0, node_crypto_1.randomBytes)(32);
    it('round-trips and never stores the plaintext', () => {
        const sealed = (0, key_encryption_1.encryptSecret)('{"d":"secret"}', key);
        expect(sealed).not.toContain('secret');
        expect((0, key_encryption_1.decryptSecret)(sealed, key)).toBe('{"d":"secret"}');
    });
    it('fails on a wrong key or a tampered ciphertext', () => {
        const sealed = (0, key_encryption_1.encryptSecret)('private', key);
        expect(() => (0, key_encryption_1.decryptSecret)(sealed, (0, node_crypto_1.randomBytes)(32))).toThrow();
        const parts = sealed.split('.');
        parts[3] = Buffer.from('tampered').toString('base64url');
        expect(() => (0, key_encryption_1.decryptSecret)(parts.join('.'), key)).toThrow();
    });
});
//# sourceMappingURL=key-encryption.spec.js.map