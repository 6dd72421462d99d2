import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
        properties: {
          field: { type: 'string', example: 'name' },
          message: { type: 'string', example: 'name must be a string' },
        },
      },
    },
  },
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tollgate API')
    .setDescription(
      'Auth, agent gateway and billing engine for companies that sell AI agents. ' +
        'Errors are RFC 9457 application/problem+json. Authenticate with a bearer JWT or an API key.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or tg_ API key' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      lowerFirst(controllerKey.replace(/Controller$/, '')) + upperFirst(methodKey),
  });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_SCHEMA as never },
  };
  // Every operation may fail with a problem+json body; documenting it once keeps generated clients honest.
  for (const pathItem of Object.values(document.paths)) {
    for (const op of Object.values(pathItem) as Array<{ responses?: Record<string, unknown> }>) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      op.responses.default ??= {
        description: 'Error (RFC 9457 problem details)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      };
    }
  }
  return document;
}

/** Swagger UI at /docs, the OpenAPI 3 document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
