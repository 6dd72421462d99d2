import { z } from 'zod';
import { envInt } from '../env-helpers';

/**
 * HashiCorp Vault: token signing through Transit (SIGNING_BACKEND=vault) and secrets from KV v2 at start
 * (VAULT_KV_PATH). Authentication: VAULT_TOKEN, or AppRole (VAULT_ROLE_ID + VAULT_SECRET_ID).
 */
export const vaultConfigSchema = z.object({
  /** Where access tokens are signed: `local` (keys encrypted in Postgres) or `vault` (Transit). */
  SIGNING_BACKEND: z.enum(['local', 'vault']).default('local'),
  VAULT_ADDR: z.string().url().optional(),
  VAULT_TOKEN: z.string().min(1).optional(),
  VAULT_ROLE_ID: z.string().min(1).optional(),
  VAULT_SECRET_ID: z.string().min(1).optional(),
  VAULT_NAMESPACE: z.string().min(1).optional(),
  VAULT_TRANSIT_MOUNT: z.string().min(1).default('transit'),
  VAULT_TRANSIT_KEY: z.string().min(1).default('tollgate-access-tokens'),
  /** KV v2 secret read at start, as `<mount>/<path>`, e.g. `secret/tollgate`; its keys are variable names. */
  VAULT_KV_PATH: z.string().min(1).optional(),
  /** Deadline of one Vault request. */
  VAULT_TIMEOUT_MS: envInt(5000, 100),
});

export const vaultConfig = (env: z.infer<typeof vaultConfigSchema>) => ({
  signingBackend: env.SIGNING_BACKEND,
  vault: {
    addr: env.VAULT_ADDR,
    token: env.VAULT_TOKEN,
    roleId: env.VAULT_ROLE_ID,
    secretId: env.VAULT_SECRET_ID,
    namespace: env.VAULT_NAMESPACE,
    transitMount: env.VAULT_TRANSIT_MOUNT,
    transitKey: env.VAULT_TRANSIT_KEY,
    kvPath: env.VAULT_KV_PATH,
    timeoutMs: env.VAULT_TIMEOUT_MS,
  },
});

/** Fails start naming what is missing when Vault is asked for but not reachable in principle. */
export function vaultProblems(env: z.infer<typeof vaultConfigSchema>): string[] {
  const uses = env.SIGNING_BACKEND === 'vault' || !!env.VAULT_KV_PATH;
  if (!uses) return [];
  const problems: string[] = [];
  if (!env.VAULT_ADDR) problems.push('VAULT_ADDR is required with SIGNING_BACKEND=vault or VAULT_KV_PATH');
  if (!env.VAULT_TOKEN && !(env.VAULT_ROLE_ID && env.VAULT_SECRET_ID))
    problems.push('VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID, are required to use Vault');
  return problems;
}
