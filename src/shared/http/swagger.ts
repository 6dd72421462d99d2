import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { OPENAPI_MARKERS, ProblemStatus } from './openapi.decorators';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details: the one error format of the API',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: { type: 'string', example: 'https://tollgate.dev/problems/validation_failed' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: '1 field(s) are invalid: name' },
    instance: { type: 'string', example: '/api/v1/agents' },
    code: { type: 'string', example: 'validation_failed' },
    requestId: { type: 'string', example: '2b1e7f0c-7c1e-4d8e-9a43-0f3f2f6f7a10' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'name' },
          message: { type: 'string', example: 'name must be a string' },
        },
      },
    },
  },
  additionalProperties: true,
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** One reusable response per problem status: name, meaning, headers. */
const PROBLEM_RESPONSES: Record<ProblemStatus, { name: string; description: string; retry?: true }> = {
  400: { name: 'BadRequest', description: 'The request is invalid; `errors` names each field' },
  401: { name: 'Unauthorized', description: 'No valid bearer token or API key' },
  402: { name: 'PaymentRequired', description: 'A budget, spend cap or prepaid balance is exhausted' },
  403: {
    name: 'Forbidden',
    description: 'The caller lacks the role or scope, or no organization is selected',
  },
  404: { name: 'NotFound', description: 'No such resource in the selected organization' },
  409: { name: 'Conflict', description: 'The resource is not in a state that allows this' },
  413: { name: 'PayloadTooLarge', description: 'The body exceeds the size limit' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not JSON' },
  422: { name: 'UnprocessableContent', description: 'Well-formed, but the business rules refuse it' },
  429: { name: 'TooManyRequests', description: 'Rate limited', retry: true },
  502: { name: 'BadGateway', description: 'The model provider failed' },
  503: { name: 'ServiceUnavailable', description: 'A store is unavailable', retry: true },
  504: { name: 'GatewayTimeout', description: 'The model provider did not answer in time' },
};

const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
};

const ORGANIZATION_HEADER: ParameterObject = {
  name: 'X-Organization-Id',
  in: 'header',
  required: false,
  description:
    'Organization to act in. Needed by users who belong to more than one organization; ' +
    'API keys and tenant-bound service accounts act in their own (a different value answers 404).',
  schema: { type: 'string', format: 'uuid' },
};

/** Tags are the path's resource (see resourceTag); each says what lives under it. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  analytics: 'Usage, cost and margin over time, and top consumers',
  'api-keys': 'API keys of an organization (the secret is shown once, at creation)',
  agents: 'Agent catalog, chat with an agent, and what an agent did (activities, costs, outcomes)',
  'audit-logs': 'Who did what in an organization',
  auth: 'Registration, email verification, sessions, tokens',
  'billable-metrics': 'What usage is counted and how',
  conversations: 'Stored chat conversations',
  'credit-notes': 'Credit notes and their refunds',
  customers: 'Your customers, their credits, coupons and payment setup',
  coupons: 'Discounts customers can redeem',
  'failed-jobs': 'Background jobs that exhausted their retries',
  health: 'Liveness and readiness probes',
  invitations: 'Invitations to organizations, answered by the invited user',
  invoices: 'Invoices, previews and invoice runs',
  metrics: 'Prometheus metrics',
  'openai-compatible': 'OpenAI-compatible chat completions for existing OpenAI clients',
  organizations: 'Organizations (tenants) and their members',
  'outcome-verification-rules': 'How reported outcomes are verified before they are billed',
  plans: 'Price plans',
  'referral-program': 'Rewards for customers who refer customers, and when they are granted',
  referrals: 'Customers referred by other customers',
  'spend-caps': 'Spend caps on API keys',
  subscriptions: 'Customers subscribed to plans',
  tools: 'Built-in tools agents can use',
  usage: 'Usage events and summaries',
  'webhook-endpoints': 'Your endpoints for outbound webhooks, and their deliveries',
  webhooks: 'Inbound webhooks (Stripe)',
  'well-known': 'Public keys that verify access tokens (JWKS)',
};

type Operation = OperationObject & Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The resource a path names: its first segment after the API prefix (/api/v1/agents/{id} -> agents). */
function resourceTag(path: string): string {
  if (path.startsWith('/v1/')) return 'openai-compatible';
  const rest = path.replace(/^\/api\/v1\//, '/').split('/')[1] ?? '';
  return rest.replace(/^\./, '');
}

/** The statuses an operation answers with a problem, derived from its auth markers and its inputs. */
function problemStatuses(op: Operation): Set<ProblemStatus> {
  const statuses = new Set<ProblemStatus>((op[OPENAPI_MARKERS.problems] as ProblemStatus[]) ?? []);
  const params = (op.parameters ?? []) as ParameterObject[];
  if (op.requestBody) statuses.add(400).add(413).add(415);
  if (params.some((p) => p.in === 'query' || p.in === 'path')) statuses.add(400);
  if (params.some((p) => p.in === 'path')) statuses.add(404);
  if (!op[OPENAPI_MARKERS.public]) statuses.add(401);
  if (op[OPENAPI_MARKERS.access] || op[OPENAPI_MARKERS.tenant]) statuses.add(403);
  // Credentials are resolved in the organization X-Organization-Id names, on every authenticated route:
  // one the caller is not in is answered like a missing one.
  if (!op[OPENAPI_MARKERS.public]) statuses.add(404);
  if (!op[OPENAPI_MARKERS.noStore]) statuses.add(503);
  return statuses;
}

/** Completes one operation in place; returns the problem statuses it declares. */
function completeOperation(path: string, op: Operation): Set<ProblemStatus> {
  op.tags = [resourceTag(path)];
  // Credentials are security schemes, not parameters (OpenAPI ignores an Authorization header parameter).
  op.parameters = (op.parameters as ParameterObject[] | undefined)?.filter(
    (p) => !(p.in === 'header' && p.name.toLowerCase() === 'authorization'),
  );
  if (op[OPENAPI_MARKERS.public]) op.security = [];
  if (op[OPENAPI_MARKERS.tenant] && !op[OPENAPI_MARKERS.tenantFromPath]) {
    op.parameters = [
      ...(op.parameters ?? []),
      { $ref: '#/components/parameters/OrganizationId' } as ReferenceObject,
    ];
  }
  const responses = op.responses as Record<string, ResponseObject | ReferenceObject>;
  const statuses = problemStatuses(op);
  for (const status of [...statuses].sort()) {
    responses[status] ??= { $ref: `#/components/responses/${PROBLEM_RESPONSES[status].name}` };
  }
  responses.default ??= { $ref: '#/components/responses/Problem' };
  for (const marker of Object.values(OPENAPI_MARKERS)) delete op[marker];
  return statuses;
}

/**
 * OpenAPI 3.0.3: `nullable` adds null to `type` only, so a nullable enum must list null itself or a
 * validator refuses the null the API sends (e.g. the role of an API key's principal).
 */
function nullableEnums(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as { nullable?: boolean; enum?: unknown[] } & Record<string, unknown>;
  if (s.nullable && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
  for (const value of Object.values(s)) if (value && typeof value === 'object') nullableEnums(value);
}

export interface OpenApiOptions {
  /** Where the API is served (PUBLIC_BASE_URL). */
  serverUrl: string;
}

/**
 * The OpenAPI document of the API. Security, error responses, the organization header and tags are
 * derived here from the auth decorators (see openapi.decorators.ts), so they cannot drift per route.
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tollgate API')
    .setDescription(
      'Auth, agent gateway and billing engine for companies that sell AI agents. ' +
        'Errors are RFC 9457 application/problem+json. Authenticate with a bearer JWT or an API key ' +
        '(as a bearer token or in X-API-Key). Lists take `limit` and `cursor` and answer ' +
        '`{ items, nextCursor }`; pass `nextCursor` back as `cursor` until it is null.',
    )
    .setVersion('1.0.0')
    .addServer(options.serverUrl)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT or tg_ API key',
        description: 'An access token, or an API key. If X-API-Key is sent too, it must be the same value.',
      },
      'bearer',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'An API key. If a bearer token is sent too, it must be the same value.',
      },
      'api-key',
    )
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  const tags = new Set<string>();
  const used = new Set<ProblemStatus>();
  for (const [path, item] of Object.entries(document.paths) as Array<[string, PathItemObject]>) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      for (const status of completeOperation(path, op)) used.add(status);
      for (const tag of op.tags ?? []) tags.add(tag);
    }
  }
  const responses: Record<string, ResponseObject> = {
    Problem: { description: 'Unexpected error (RFC 9457 problem details)', content: problemContent },
  };
  for (const status of used) {
    const { name, description, retry } = PROBLEM_RESPONSES[status];
    responses[name] = { description, content: problemContent, ...(retry ? { headers: RETRY_AFTER } : {}) };
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_SCHEMA as never },
    responses: { ...document.components?.responses, ...responses },
    parameters: { ...document.components?.parameters, OrganizationId: ORGANIZATION_HEADER },
  };
  for (const schema of Object.values(document.components.schemas ?? {})) nullableEnums(schema);
  document.tags = [...tags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  return document;
}

/** Swagger UI at /docs, the OpenAPI 3 document at /docs-json. */
export function setupSwagger(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, () => document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
