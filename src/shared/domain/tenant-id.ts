/** A tenant (organization) id. Branded so a plain string cannot be passed where a tenant is required. */
export type TenantId = string & { readonly __brand: 'TenantId' };

export const asTenantId = (value: string): TenantId => value as TenantId;
