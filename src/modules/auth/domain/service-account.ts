import { z } from 'zod';
import { SCOPES } from '../../../shared/context/permissions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const serviceAccountSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes'),
  clientId: z.string().regex(/^[A-Za-z0-9_.-]{3,128}$/),
  /** argon2id hash of the client secret (`npm run cli -- service-account:secret` makes one). */
  clientSecretHash: z.string().startsWith('$argon2id$', 'must be an argon2id hash'),
  scopes: z.array(z.enum(SCOPES)).min(1),
  /** 'all' or a list of organization ids. */
  tenants: z.union([
    z.literal('all'),
    z
      .array(
        z
          .string()
          .regex(UUID, 'must be an organization id')
          .transform((v) => v.toLowerCase()),
      )
      .min(1),
  ]),
});

export const serviceAccountCatalogSchema = z
  .object({ serviceAccounts: z.array(serviceAccountSchema).default([]) })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const sa of catalog.serviceAccounts) {
      for (const key of [`name:${sa.name}`, `clientId:${sa.clientId}`]) {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate ${key}` });
        seen.add(key);
      }
    }
  });

export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

export function mayUseTenant(sa: ServiceAccount, tenantId: string): boolean {
  return sa.tenants === 'all' || sa.tenants.includes(tenantId.toLowerCase());
}
