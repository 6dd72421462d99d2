"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const load_dotenv_1 = require("./config/load-dotenv");
const app_config_1 = require("./config/app-config");
const logger_1 = require("./shared/logging/logger");
const nest_logger_1 = require("./shared/logging/nest-logger");
const app_module_1 = require("./app.module");
async function worker() {
    (0, load_dotenv_1.loadDotenv)();
    const config = (0, app_config_1.loadConfig)();
    const logger = (0, logger_1.createRootLogger)(config.logLevel);
    const app = await core_1.NestFactory.createApplicationContext(app_module_1.AppModule.forRoot({ config, workers: true }), {
        logger: new nest_logger_1.PinoNestLogger(logger),
    });
    app.enableShutdownHooks();
    logger.info('Tollgate workers running');
}
worker().catch((error) => {
    if (error instanceof app_config_1.ConfigError)
        console.error(error.message);
    else
        console.error(error);
    process.exit(1);
});
//# sourceMappingURL=worker.js.map