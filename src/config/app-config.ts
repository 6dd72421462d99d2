import { z } from 'zod';
import { coreConfig, coreConfigSchema } from './sections/core.config';
import { dataConfig, dataConfigSchema } from './sections/data.config';
import { authConfig, authConfigSchema, authSecretProblems } from './sections/auth.config';
import { chatConfig, chatConfigSchema } from './sections/chat.config';
import { billingConfig, billingConfigSchema } from './sections/billing.config';
import { invoicingConfig, invoicingConfigSchema } from './sections/invoicing.config';
import { webhooksConfig, webhooksConfigSchema } from './sections/webhooks.config';
import { mailConfig, mailConfigSchema } from './sections/mail.config';
import { notificationsConfig, notificationsConfigSchema } from './sections/notifications.config';
import { vaultConfig, vaultConfigSchema, vaultProblems } from './sections/vault.config';

const envSchema = coreConfigSchema
  .extend(dataConfigSchema.shape)
  .extend(authConfigSchema.shape)
  .extend(chatConfigSchema.shape)
  .extend(billingConfigSchema.shape)
  .extend(invoicingConfigSchema.shape)
  .extend(webhooksConfigSchema.shape)
  .extend(mailConfigSchema.shape)
  .extend(notificationsConfigSchema.shape)
  .extend(vaultConfigSchema.shape);

export type Env = z.infer<typeof envSchema>;

const build = (env: Env) => ({
  ...coreConfig(env),
  ...dataConfig(env),
  auth: authConfig(env),
  chat: chatConfig(env),
  billing: billingConfig(env),
  invoicing: invoicingConfig(env),
  webhooks: webhooksConfig(env),
  mail: mailConfig(env),
  notifications: notificationsConfig(env),
  ...vaultConfig(env),
});

export type AppConfigShape = ReturnType<typeof build>;

/**
 * The one typed configuration. Injected by class token; nothing else reads process.env.
 * Built once at boot; a missing or malformed value stops start-up naming the variable.
 */
export abstract class AppConfig {}
export interface AppConfig extends AppConfigShape {}

export class ConfigError extends Error {}

/** Variables a KV v2 secret may provide (VAULT_KV_PATH): the configuration's own, except Vault's. */
export const CONFIG_VARIABLES: ReadonlySet<string> = new Set(
  Object.keys(envSchema.shape).filter((k) => !k.startsWith('VAULT_')),
);

export function loadConfig(
  source: NodeJS.ProcessEnv = process.env,
  overrides: Record<string, string> = {},
): AppConfig {
  const merged: Record<string, string | undefined> = { ...source, ...overrides };
  // Empty strings mean "unset" so `.env` lines like `FOO=` fall back to defaults.
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const vault = vaultProblems(parsed.data);
  if (vault.length) throw new ConfigError(`Invalid configuration:\n${vault.map((p) => `  ${p}`).join('\n')}`);
  if (parsed.data.NODE_ENV === 'production') {
    const problems = productionSecretProblems(parsed.data);
    if (problems.length)
      throw new ConfigError(
        `Refusing to start with NODE_ENV=production:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      );
  }
  return build(parsed.data) as AppConfig;
}

/** Secrets that would let anyone who read the source or guessed decrypt keys or forge signatures. */
function productionSecretProblems(env: Env): string[] {
  const problems = authSecretProblems(env);
  if (env.OUTBOUND_ALLOW_PRIVATE_ADDRESSES || env.WEBHOOK_ALLOW_PRIVATE_URLS)
    problems.push(
      'OUTBOUND_ALLOW_PRIVATE_ADDRESSES: lets tenants reach internal addresses; development only',
    );
  for (const [name, value] of SHORTEST_SECRETS(env))
    if (value !== undefined && value.length < 24) problems.push(`${name}: must be at least 24 characters`);
  return problems;
}

const SHORTEST_SECRETS = (env: Env): Array<[string, string | undefined]> => [
  ['STRIPE_WEBHOOK_SECRET', env.STRIPE_WEBHOOK_SECRET],
];
