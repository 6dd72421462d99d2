import type { FastifyRequest } from 'fastify';
import { Principal } from '../context/principal';

/**
 * Turns request credentials (bearer JWT, API key) into a principal. The Auth module implements it;
 * null means "no credentials", a thrown UnauthenticatedError means "bad credentials".
 */
export abstract class PrincipalResolver {
  abstract resolve(request: FastifyRequest): Promise<Principal | null>;
}
