"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
const migrations_1 = require("../../../migrations");
const snake_naming_strategy_1 = require("./snake-naming.strategy");
function dataSourceOptions(opts) {
    return {
        type: 'postgres',
        url: opts.url,
        ...(opts.readUrl ? { replication: { master: { url: opts.url }, slaves: [{ url: opts.readUrl }] } } : {}),
        synchronize: false,
        migrationsRun: opts.migrationsRun ?? false,
        migrations: migrations_1.ALL_MIGRATIONS,
        migrationsTableName: 'migrations',
        migrationsTransactionMode: 'each',
        namingStrategy: new snake_naming_strategy_1.SnakeNamingStrategy(),
        extra: { max: opts.poolSize ?? 20, application_name: 'tollgate' },
        logging: ['error', 'migration'],
    };
}
//# sourceMappingURL=data-source-options.js.map