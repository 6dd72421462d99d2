import { ForbiddenError } from '../domain/domain-error';
import { Principal, Role } from './principal';

/**
 * Scopes are the unit of permission. API keys and service accounts hold scopes directly; users get the
 * scopes of their role in the selected organization (this table; docs/modules/auth.md shows it too).
 */
export const SCOPES = [
  'org:read',
  'org:manage',
  'members:read',
  'members:manage',
  'api_keys:read',
  'api_keys:manage',
  /** Revoke and cap keys others created; without it, api_keys:manage covers only one's own keys. */
  'api_keys:manage_all',
  'audit:read',
  'agents:read',
  'agents:write',
  'chat:invoke',
  'conversations:read',
  'conversations:write',
  'customers:read',
  'customers:write',
  'usage:read',
  'usage:write',
  'plans:read',
  'plans:write',
  'subscriptions:read',
  'subscriptions:write',
  'credits:read',
  'credits:write',
  'invoices:read',
  'invoices:write',
  'webhooks:read',
  'webhooks:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

const READ_SCOPES = SCOPES.filter((s) => s.endsWith(':read') && s !== 'audit:read');

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: SCOPES,
  admin: SCOPES,
  billing: [
    'org:read',
    'members:read',
    'agents:read',
    'usage:read',
    'customers:read',
    'customers:write',
    'plans:read',
    'plans:write',
    'subscriptions:read',
    'subscriptions:write',
    'credits:read',
    'credits:write',
    'invoices:read',
    'invoices:write',
    'webhooks:read',
  ],
  member: [
    'org:read',
    'members:read',
    'api_keys:read',
    'api_keys:manage',
    'agents:read',
    'agents:write',
    'chat:invoke',
    'conversations:read',
    'conversations:write',
    'customers:read',
    'usage:read',
    'usage:write',
    'plans:read',
    'subscriptions:read',
  ],
  viewer: READ_SCOPES.filter((s) => s !== 'api_keys:read'),
};

/** The `createdBy` stamp of keys a principal creates, e.g. `user:<id>`. */
export const creatorRef = (principal: { kind: string; id: string }): string =>
  `${principal.kind}:${principal.id}`;

/** api_keys:manage covers the keys one created; others' keys need api_keys:manage_all (owners, admins). */
export function assertMayManageKey(actor: Principal, createdBy: string | null): void {
  const held = actor.kind === 'user' ? (actor.role ? ROLE_SCOPES[actor.role] : []) : actor.scopes;
  if (held.includes('api_keys:manage_all') || createdBy === creatorRef(actor)) return;
  throw new ForbiddenError('Only its creator or a key manager may change this API key', 'not_key_creator');
}

export const roleHasScopes = (role: Role, scopes: readonly string[]): boolean =>
  scopes.every((s) => (ROLE_SCOPES[role] as readonly string[]).includes(s));
