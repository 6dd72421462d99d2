import type { FastifyRequest } from 'fastify';
import { Principal } from '../context/principal';

/**
 * Turns request credentials (bearer JWT, API key) into a principal. The Auth module implements it;
 * null means "no credentials", a thrown UnauthenticatedError means "bad credentials".
 */
export abstract class PrincipalResolver {
  /** `organizationId` (from a @TenantFromParam route) takes the place of the X-Organization-Id header. */
  abstract resolve(request: FastifyRequest, opts?: { organizationId?: string }): Promise<Principal | null>;
}
