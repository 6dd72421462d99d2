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

describe('loadConfig with NODE_ENV=production', () => {
  const strong = {
    NODE_ENV: 'production',
    AUTH_KEY_ENCRYPTION_KEY: Buffer.from('k9#Qm2$vT7!pL4&zR8*wX1@nB6^cY3%e').toString('base64'),
    AUTH_API_KEY_PEPPER: 'pX7vR2mQ9tL4wZ8nB3cY6kD1fH5jS0aG',
  };

  it('refuses the development secrets, naming each variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_KEY_ENCRYPTION_KEY: is the public development default[\s\S]*AUTH_API_KEY_PEPPER: is the public/,
    );
  });

  it('refuses a short pepper, a one-byte key and a short Stripe webhook secret', () => {
    expect(() => loadConfig({ ...strong, AUTH_API_KEY_PEPPER: 'sixteen-chars-ok' })).toThrow(
      /AUTH_API_KEY_PEPPER: must be at least 32 characters/,
    );
    expect(() =>
      loadConfig({ ...strong, AUTH_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }),
    ).toThrow(/AUTH_KEY_ENCRYPTION_KEY: has almost no entropy/);
    expect(() => loadConfig({ ...strong, STRIPE_WEBHOOK_SECRET: 'whsec_short' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: must be at least 24 characters/,
    );
  });

  it('starts with real secrets, and development keeps its zero-configuration defaults', () => {
    expect(loadConfig(strong).nodeEnv).toBe('production');
    expect(loadConfig({ NODE_ENV: 'development' }).nodeEnv).toBe('development');
  });
});
