import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PrincipalResolver } from '../../../shared/http/principal-resolver.port';
import { Principal } from '../../../shared/context/principal';
import { ROLE_SCOPES } from '../../../shared/context/permissions';
import { NotFoundError, UnauthenticatedError } from '../../../shared/domain/domain-error';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import { MembershipDirectory } from '../../../shared/contracts/memberships';
import { defaultMembership } from '../../../shared/contracts/memberships';
import { looksLikeApiKey } from '../domain/api-key-token';
import { ApiKeyAuthenticator } from '../application/api-key-authenticator';
import { AccessClaims, TokenService } from '../application/token-service';
import { SignedRequestAuthenticator } from '../application/signed-requests';
import { mayUseTenant } from '../domain/service-account';

/** An organization the caller cannot act in is reported exactly like one that does not exist. */
const noSuchOrganization = () => new NotFoundError('Organization');

/**
 * Bearer JWT (users, service accounts), API key (`Authorization: Bearer tg_...` or `X-API-Key`) or a
 * service account's HTTP Message Signature (Signature-Input + Signature). The
 * organization is the one requested (route parameter or X-Organization-Id), or else a user's default one.
 */
@Injectable()
export class CredentialsPrincipalResolver extends PrincipalResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly directory: MembershipDirectory,
    private readonly signed: SignedRequestAuthenticator,
  ) {
    super();
  }

  async resolve(request: FastifyRequest, opts: { organizationId?: string } = {}): Promise<Principal | null> {
    const headerKey = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    const header = request.headers['x-organization-id'];
    const requested = opts.organizationId ?? (typeof header === 'string' && header ? header : undefined);

    const hasHeaderKey = typeof headerKey === 'string' && headerKey !== '';
    if (hasHeaderKey && !authorization) return this.fromApiKey(headerKey, requested);
    if (!authorization && request.headers['signature-input'] !== undefined)
      return this.fromSignature(request, requested);
    if (!authorization) return null;
    const space = authorization.indexOf(' ');
    const scheme = space > 0 ? authorization.slice(0, space) : '';
    const credential = authorization.slice(space + 1).trim();
    if (scheme.toLowerCase() !== 'bearer' || !credential) {
      throw new UnauthenticatedError(
        'Use "Authorization: Bearer <token or API key>"',
        'invalid_authorization',
      );
    }
    // Generated clients send their one configured credential in every scheme the document lists
    // (bearer and X-API-Key): the same value twice is one credential. Two different ones are refused.
    if (hasHeaderKey && headerKey !== credential) {
      throw new UnauthenticatedError(
        'Authorization and X-API-Key carry different credentials: send one of them',
        'conflicting_credentials',
      );
    }
    if (looksLikeApiKey(credential)) return this.fromApiKey(credential, requested);
    const claims = await this.tokens.verify(credential);
    return claims.typ === 'user' ? this.fromUser(claims, requested) : this.fromService(claims, requested);
  }

  private async fromApiKey(raw: string, requested: string | undefined): Promise<Principal> {
    const key = await this.apiKeys.authenticate(raw);
    if (requested && requested !== key.tenantId) throw noSuchOrganization();
    return { kind: 'api_key', id: key.id, tenantId: key.tenantId, scopes: key.scopes };
  }

  private async fromUser(claims: AccessClaims, requested: string | undefined): Promise<Principal> {
    const memberships = await this.directory.forUser(claims.sub);
    const chosen = requested
      ? memberships.find((m) => m.tenantId === requested)
      : defaultMembership(memberships);
    if (requested && !chosen) throw noSuchOrganization();
    return {
      kind: 'user',
      id: claims.sub,
      tenantId: chosen?.tenantId ?? null,
      role: chosen?.role,
      scopes: chosen ? ROLE_SCOPES[chosen.role] : [],
      sessionId: typeof claims.sid === 'string' ? claims.sid : undefined,
    };
  }

  /** A request signed with a service account's registered key (RFC 9421) stands in for its token. */
  private async fromSignature(request: FastifyRequest, requested: string | undefined): Promise<Principal> {
    const account = await this.signed.authenticate({
      method: request.method,
      target: request.url,
      authority: request.headers.host ?? '',
      scheme: request.protocol,
      headers: request.headers,
      body: (request as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0),
    });
    if (requested && !mayUseTenant(account, requested)) throw noSuchOrganization();
    return {
      kind: 'service_account',
      id: account.name,
      tenantId: requested ? asTenantId(requested) : null,
      scopes: [...account.scopes],
    };
  }

  private fromService(claims: AccessClaims, requested: string | undefined): Principal {
    const c = claims as AccessClaims & { typ: 'service' };
    let tenantId: TenantId | null = c.tid ? asTenantId(c.tid) : null;
    if (requested) {
      const allowed = c.tid
        ? c.tid === requested
        : c.ten === '*' || (Array.isArray(c.ten) && c.ten.includes(requested));
      if (!allowed) throw noSuchOrganization();
      tenantId = asTenantId(requested);
    }
    return {
      kind: 'service_account',
      id: claims.sub.replace(/^sa:/, ''),
      tenantId,
      scopes: typeof c.scope === 'string' ? c.scope.split(' ').filter(Boolean) : [],
    };
  }
}
