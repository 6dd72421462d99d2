"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startTestApp = startTestApp;
require("reflect-metadata");
const supertest_1 = __importDefault(require("supertest"));
const app_config_1 = require("../../src/config/app-config");
const logger_1 = require("../../src/shared/logging/logger");
const http_app_1 = require("../../src/http-app");
async function startTestApp(opts = {}) {
    const config = (0, app_config_1.loadConfig)(process.env, { ...opts.env });
    const logger = opts.logger ?? (0, logger_1.createRootLogger)(config.logLevel);
    const app = await (0, http_app_1.createHttpApp)({ config, logger, workers: opts.workers ?? false, clock: opts.clock });
    let url;
    if (opts.listen) {
        await app.listen(0, '127.0.0.1');
        url = await app.getUrl();
        url = url.replace('[::1]', '127.0.0.1');
    }
    return {
        app,
        config,
        http: (0, supertest_1.default)(app.getHttpServer()),
        url,
        close: () => app.close(),
    };
}
//# sourceMappingURL=test-app.js.map