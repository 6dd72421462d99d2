"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const app_config_1 = require("./app-config");
describe('loadConfig', () => {
    it('works with zero configuration (local Postgres and Redis defaults)', () => {
        const config = (0, app_config_1.loadConfig)({});
        expect(config.port).toBe(3000);
        expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
        expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    });
    it('honours PORT, DATABASE_URL and REDIS_URL', () => {
        const config = (0, app_config_1.loadConfig)({
            PORT: '4100',
            DATABASE_URL: 'postgres://u@db:5432/x',
            REDIS_URL: 'redis://cache:6380',
        });
        expect(config).toMatchObject({
            port: 4100,
            databaseUrl: 'postgres://u@db:5432/x',
            redisUrl: 'redis://cache:6380',
        });
    });
    it('stops with a message naming every malformed variable', () => {
        const attempt = () => (0, app_config_1.loadConfig)({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WORKERS_IN_API: 'maybe' });
        expect(attempt).toThrow(app_config_1.ConfigError);
        try {
            attempt();
        }
        catch (e) {
            expect(e.message).toMatch(/PORT/);
            expect(e.message).toMatch(/DATABASE_URL/);
            expect(e.message).toMatch(/WORKERS_IN_API/);
        }
    });
    it('treats empty values as unset', () => {
        expect((0, app_config_1.loadConfig)({ PORT: '' }).port).toBe(3000);
    });
});
describe('loadConfig: invoice schedules', () => {
    it('accepts a cron pattern or "off", and names the variable otherwise', () => {
        expect((0, app_config_1.loadConfig)({ INVOICE_RUN_CRON: 'off' }).invoicing.runCron).toBe('off');
        expect((0, app_config_1.loadConfig)({ INVOICE_RUN_CRON: '*/15 * * * *' }).invoicing.runCron).toBe('*/15 * * * *');
        expect(() => (0, app_config_1.loadConfig)({ INVOICE_OVERDUE_CRON: 'daily' })).toThrow(/INVOICE_OVERDUE_CRON/);
    });
});
//# sourceMappingURL=app-config.spec.js.map