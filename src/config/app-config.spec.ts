import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('works with zero configuration (local Postgres and Redis defaults)', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('honours PORT, DATABASE_URL and REDIS_URL', () => {
    const config = loadConfig({
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
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WORKERS_IN_API: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/WORKERS_IN_API/);
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});

describe('loadConfig: invoice schedules', () => {
  it('accepts a cron pattern or "off", and names the variable otherwise', () => {
    expect(loadConfig({ INVOICE_RUN_CRON: 'off' }).invoicing.runCron).toBe('off');
    expect(loadConfig({ INVOICE_RUN_CRON: '*/15 * * * *' }).invoicing.runCron).toBe('*/15 * * * *');
    expect(() => loadConfig({ INVOICE_OVERDUE_CRON: 'daily' })).toThrow(/INVOICE_OVERDUE_CRON/);
  });
});
