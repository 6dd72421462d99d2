"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const app_config_1 = require("../../src/config/app-config");
const logger_1 = require("../../src/shared/logging/logger");
const http_app_1 = require("../../src/http-app");
async function main() {
    const config = (0, app_config_1.loadConfig)(process.env, { PORT: '0', MIGRATIONS_RUN: process.env.MIGRATIONS_RUN ?? 'true' });
    const logger = (0, logger_1.createRootLogger)(process.env.BENCH_LOG_LEVEL ?? 'info');
    const app = await (0, http_app_1.createHttpApp)({ config, logger, workers: false });
    await app.listen(0, '127.0.0.1');
    const port = app.getHttpServer().address().port;
    process.send({ port });
}
void main();
//# sourceMappingURL=full-app-server.js.map