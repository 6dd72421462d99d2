"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = globalSetup;
require("reflect-metadata");
const node_crypto_1 = require("node:crypto");
const typeorm_1 = require("typeorm");
const data_source_options_1 = require("../../src/shared/persistence/data-source-options");
const test_database_1 = require("./test-database");
async function globalSetup() {
    const runId = `${Date.now().toString(36)}${(0, node_crypto_1.randomBytes)(3).toString('hex')}`;
    const dbName = `tollgate_test_${runId}`;
    await (0, test_database_1.withAdmin)((c) => c.query(`CREATE DATABASE "${dbName}"`));
    const url = (0, test_database_1.databaseUrl)(dbName);
    const ds = new typeorm_1.DataSource({ ...(0, data_source_options_1.dataSourceOptions)({ url }), logging: ['error'] });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    process.env.TEST_RUN_ID = runId;
    process.env.TEST_DATABASE_NAME = dbName;
    process.env.DATABASE_URL = url;
    process.env.REDIS_KEY_PREFIX = `tgtest_${runId}`;
    process.env.NODE_ENV = 'test';
    process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
    process.env.MIGRATIONS_RUN = 'false';
    process.env.INVOICE_RUN_CRON = 'off';
    process.env.INVOICE_OVERDUE_CRON = 'off';
}
//# sourceMappingURL=global-setup.js.map