"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const app_config_1 = require("../../src/config/app-config");
const logger_1 = require("../../src/shared/logging/logger");
const http_app_1 = require("../../src/http-app");
async function main() {
    const config = (0, app_config_1.loadConfig)(process.env, { PORT: '0' });
    const app = await (0, http_app_1.createHttpApp)({ config, logger: (0, logger_1.createRootLogger)('warn'), workers: false });
    const f = app.getHttpAdapter().getInstance();
    f.addHook('onRoute', () => { });
    const sym = Object.getOwnPropertySymbols(f).find(s => String(s) === 'Symbol(fastify.hooks)');
    const hooks = f[sym];
    for (const k of ['onRequest', 'preParsing', 'preValidation', 'preHandler', 'onSend', 'onResponse'])
        for (const h of hooks[k] ?? [])
            console.log(k, '::', String(h).slice(0, 300).replace(/\s+/g, ' '), '\n');
    await app.close();
}
void main();
//# sourceMappingURL=hooks.js.map