"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const api_key_token_1 = require("./api-key-token");
describe('API key format', () => {
    it('round-trips a generated key and exposes its prefix', () => {
        const { key, prefix, secret } = (0, api_key_token_1.generateApiKey)();
        expect(key).toMatch(/^tg_live_[a-z0-9]{12}_/);
        expect((0, api_key_token_1.parseApiKey)(key)).toEqual({ prefix, secret });
    });
    it('rejects malformed keys', () => {
        const { key } = (0, api_key_token_1.generateApiKey)();
        expect((0, api_key_token_1.parseApiKey)(key.slice(0, -1))).toBeNull();
        expect((0, api_key_token_1.parseApiKey)(key.replace('tg_live_', 'tg_test_'))).toBeNull();
        expect((0, api_key_token_1.parseApiKey)('tg_live_')).toBeNull();
    });
});
//# sourceMappingURL=api-key-token.spec.js.map