import { z } from 'zod';
import { envBool, envInt, envList } from '../env-helpers';

export const coreConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: envInt(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: envInt(1024 * 1024, 1024),
  /** Deepest nesting of arrays/objects a JSON body may have; deeper bodies get 400 before parsing. */
  BODY_MAX_DEPTH: envInt(32, 4, 1000),
  /** Run BullMQ workers inside the API process (single-machine default). Set false when running src/worker.ts separately. */
  WORKERS_IN_API: envBool(true),
  /** Base URL the service is reached at, used in links (problem `type`, webhooks). */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Trust X-Forwarded-For from a load balancer (client IPs for rate limits and audit). Only behind a proxy you control. */
  TRUST_PROXY: envBool(false),
  /** A request still unanswered after this long gets 503 + Retry-After (chat routes have their own limits). */
  REQUEST_TIMEOUT_MS: envInt(30000, 100),
  /**
   * Development and tests only (refused with NODE_ENV=production): let outbound calls (webhooks, outcome
   * verification, http_get) reach loopback and private addresses on any port.
   */
  OUTBOUND_ALLOW_PRIVATE_ADDRESSES: envBool(false),
  /** Former name of OUTBOUND_ALLOW_PRIVATE_ADDRESSES, still honoured. */
  WEBHOOK_ALLOW_PRIVATE_URLS: envBool(false),
  /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json. */
  SWAGGER_UI: envBool(true),
  /** When set, GET /metrics requires `Authorization: Bearer <token>` (Prometheus `authorization` setting). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Ports outbound calls to public addresses may use. */
  OUTBOUND_ALLOWED_PORTS: envList('80,443')
    .transform((ports) => ports.map(Number))
    .refine(
      (ports) => ports.length > 0 && ports.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535),
      'must be a comma-separated list of ports',
    ),
});

export const coreConfig = (env: z.infer<typeof coreConfigSchema>) => ({
  nodeEnv: env.NODE_ENV,
  port: env.PORT,
  host: env.HOST,
  logLevel: env.LOG_LEVEL,
  bodyLimitBytes: env.BODY_LIMIT_BYTES,
  bodyMaxDepth: env.BODY_MAX_DEPTH,
  workersInApi: env.WORKERS_IN_API,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  trustProxy: env.TRUST_PROXY,
  requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  swaggerUi: env.SWAGGER_UI,
  metricsToken: env.METRICS_TOKEN,
  outbound: {
    allowPrivate: env.OUTBOUND_ALLOW_PRIVATE_ADDRESSES || env.WEBHOOK_ALLOW_PRIVATE_URLS,
    allowedPorts: env.OUTBOUND_ALLOWED_PORTS,
  },
});
