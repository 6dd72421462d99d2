import { createHmac } from 'node:crypto';
import { Principal } from '../../../shared/context/principal';
import { ROLE_SCOPES } from '../../../shared/context/permissions';
import { StoredApiKey } from '../domain/auth.ports';

export const TOPIC = 'api-key';
/** last_used_at is a hint, not an audit trail: written at most once a minute per key per instance. */
export const TOUCH_INTERVAL_MS = 60_000;

export type ApiKeyView = Omit<StoredApiKey, 'secretHash' | 'tenantId'>;
export const view = ({ secretHash: _h, tenantId: _t, ...rest }: StoredApiKey): ApiKeyView => rest;

/** Keyed hash of the secret: fast enough for every request, useless to whoever steals only the database. */
export const hashApiKeySecret = (pepper: string, secret: string): Buffer =>
  createHmac('sha256', pepper).update(secret).digest();

export function scopesOf(principal: Principal): readonly string[] {
  return principal.kind === 'user' ? (principal.role ? ROLE_SCOPES[principal.role] : []) : principal.scopes;
}
