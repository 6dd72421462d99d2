"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = globalTeardown;
const ioredis_1 = __importDefault(require("ioredis"));
const test_database_1 = require("./test-database");
async function globalTeardown() {
    const dbName = process.env.TEST_DATABASE_NAME;
    if (dbName && !process.env.TEST_KEEP_DATABASE) {
        await (0, test_database_1.withAdmin)((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    }
    const prefix = process.env.REDIS_KEY_PREFIX;
    if (prefix?.startsWith('tgtest_')) {
        const redis = new ioredis_1.default(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
        let cursor = '0';
        do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
            if (keys.length)
                await redis.unlink(...keys);
            cursor = next;
        } while (cursor !== '0');
        await redis.quit();
    }
}
//# sourceMappingURL=global-teardown.js.map