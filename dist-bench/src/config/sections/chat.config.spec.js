"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const dotenv_1 = require("dotenv");
const app_config_1 = require("../app-config");
describe('chat config', () => {
    it('loads the .env.example defaults: the default provider and the built-in price table', () => {
        const env = (0, dotenv_1.parse)((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '../../../.env.example')));
        const { chat } = (0, app_config_1.loadConfig)({}, env);
        expect(chat.providers.default.baseUrl).toBe('https://api.openai.com/v1');
        expect(chat.models['gpt-4o-mini']).toEqual({
            input: '0.15',
            output: '0.60',
            contextWindow: 128000,
            maxOutputTokens: 16384,
        });
        expect(chat.tools.httpAllowlist).toEqual([]);
    });
    it('takes named providers and a price table as JSON and names a malformed variable', () => {
        const { chat } = (0, app_config_1.loadConfig)({}, {
            CHAT_PROVIDERS: '{"groq":{"baseUrl":"https://api.groq.com/openai/v1","apiKey":"k"}}',
            CHAT_MODELS: '{"llama":{"input":"0.05","output":"0.08","contextWindow":8192,"maxOutputTokens":4096}}',
        });
        expect(Object.keys(chat.providers)).toEqual(['default', 'groq']);
        expect(Object.keys(chat.models)).toEqual(['llama']);
        expect(() => (0, app_config_1.loadConfig)({}, { CHAT_MODELS: '{nope' })).toThrow(/CHAT_MODELS: must be valid JSON/);
        expect(() => (0, app_config_1.loadConfig)({}, { CHAT_MODELS: '{"m":{"input":"cheap"}}' })).toThrow(/CHAT_MODELS/);
    });
});
//# sourceMappingURL=chat.config.spec.js.map