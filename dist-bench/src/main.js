"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const load_dotenv_1 = require("./config/load-dotenv");
const app_config_1 = require("./config/app-config");
const logger_1 = require("./shared/logging/logger");
const http_app_1 = require("./http-app");
async function main() {
    (0, load_dotenv_1.loadDotenv)();
    const config = (0, app_config_1.loadConfig)();
    const logger = (0, logger_1.createRootLogger)(config.logLevel);
    const app = await (0, http_app_1.createHttpApp)({ config, logger, workers: config.workersInApi });
    await app.listen({ port: config.port, host: config.host });
    logger.info({ port: config.port, workers: config.workersInApi }, 'Tollgate API listening');
}
main().catch((error) => {
    if (error instanceof app_config_1.ConfigError)
        console.error(error.message);
    else
        console.error(error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map