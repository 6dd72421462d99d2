import { ApiExtension } from '@nestjs/swagger';

/**
 * Facts about a route that the OpenAPI document derives its security, error responses and headers
 * from (src/shared/http/swagger.ts). The auth decorators set them, so a route cannot be public, scoped
 * or tenant-bound without the document saying so. The markers are removed from the published document.
 */
export const OPENAPI_MARKERS = {
  public: 'x-tollgate-public',
  access: 'x-tollgate-access',
  tenant: 'x-tollgate-tenant',
  tenantFromPath: 'x-tollgate-tenant-from-path',
  problems: 'x-tollgate-problems',
  noStore: 'x-tollgate-no-store',
} as const;

export type ProblemStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503 | 504;

/**
 * Problem statuses this route answers beyond those derived from its auth and inputs (400 for input, 401
 * without @Public, 403 for roles/scopes/organization, 404 for path ids, 503 for a store outage).
 */
export const ApiProblems = (...statuses: ProblemStatus[]) => ApiExtension(OPENAPI_MARKERS.problems, statuses);

/** The route reads neither Postgres nor Redis, so it never answers 503 for their outage. */
export const ApiNoStoreDependency = () => ApiExtension(OPENAPI_MARKERS.noStore, true);

/** Applies a method decorator from a parameter decorator (Nest's param-decorator enhancers). */
export const markMethod =
  (decorator: MethodDecorator) =>
  (target: object, key: string | symbol | undefined): void => {
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) decorator(target, key, descriptor);
  };
