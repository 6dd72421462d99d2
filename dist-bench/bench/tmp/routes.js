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
    const out = f.printRoutes({ commonPrefix: false, includeHooks: true, includeMeta: false });
    const lines = out.split('\n');
    const i = lines.findIndex(l => l.includes('health'));
    console.log(lines.slice(Math.max(0, i - 2), i + 25).join('\n'));
    console.log('plugins', f.printPlugins());
    await app.close();
}
void main();
//# sourceMappingURL=routes.js.map