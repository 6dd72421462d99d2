"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const load_dotenv_1 = require("./src/config/load-dotenv");
const app_config_1 = require("./src/config/app-config");
const data_source_options_1 = require("./src/shared/persistence/data-source-options");
(0, load_dotenv_1.loadDotenv)();
const config = (0, app_config_1.loadConfig)();
exports.default = new typeorm_1.DataSource({
    ...(0, data_source_options_1.dataSourceOptions)({ url: config.databaseUrl }),
    entities: [__dirname + '/src/modules/**/*.orm-entity.{ts,js}'],
});
//# sourceMappingURL=ormconfig.js.map