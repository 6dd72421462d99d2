import { VaultClient } from '../shared/vault/vault-client';
import { AppConfig, CONFIG_VARIABLES, loadConfig } from './app-config';

/**
 * The configuration with secrets read from Vault KV v2 at start when VAULT_KV_PATH is set (`<mount>/<path>`,
 * e.g. `secret/tollgate`): each key of the secret that names a configuration variable (STRIPE_SECRET_KEY,
 * STRIPE_WEBHOOK_SECRET, AUTH_API_KEY_PEPPER, AUTH_KEY_ENCRYPTION_KEY, SMTP_URL...) takes the place of the
 * environment's value. Without VAULT_KV_PATH the environment alone is used.
 */
export async function loadConfigWithSecrets(
  source: NodeJS.ProcessEnv = process.env,
  overrides: Record<string, string> = {},
): Promise<AppConfig> {
  const base = loadConfig(source, overrides);
  if (!base.vault.kvPath) return base;
  const slash = base.vault.kvPath.indexOf('/');
  if (slash <= 0) throw new Error('VAULT_KV_PATH must be <mount>/<path>, e.g. secret/tollgate');
  const mount = base.vault.kvPath.slice(0, slash);
  const path = base.vault.kvPath.slice(slash + 1);
  const secret = await new VaultClient(base.vault).read<{ data: { data: Record<string, unknown> } }>(
    `${mount}/data/${path}`,
  );
  if (!secret) throw new Error(`Vault has no secret at ${base.vault.kvPath} (KV v2)`);
  const fromVault: Record<string, string> = {};
  for (const [key, value] of Object.entries(secret.data.data ?? {}))
    if (CONFIG_VARIABLES.has(key) && typeof value === 'string') fromVault[key] = value;
  return loadConfig(source, { ...overrides, ...fromVault });
}
