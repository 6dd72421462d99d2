"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOpenApiDocument = buildOpenApiDocument;
exports.setupSwagger = setupSwagger;
const swagger_1 = require("@nestjs/swagger");
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
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
function buildOpenApiDocument(app) {
    const config = new swagger_1.DocumentBuilder()
        .setTitle('Tollgate API')
        .setDescription('Auth, agent gateway and billing engine for companies that sell AI agents. ' +
        'Errors are RFC 9457 application/problem+json. Authenticate with a bearer JWT or an API key.')
        .setVersion('1.0.0')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or tg_ API key' }, 'bearer')
        .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
        .addSecurityRequirements('bearer')
        .addSecurityRequirements('api-key')
        .build();
    const document = swagger_1.SwaggerModule.createDocument(app, config, {
        operationIdFactory: (controllerKey, methodKey) => lowerFirst(controllerKey.replace(/Controller$/, '')) + upperFirst(methodKey),
    });
    document.components = {
        ...document.components,
        schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_SCHEMA },
    };
    for (const pathItem of Object.values(document.paths)) {
        for (const op of Object.values(pathItem)) {
            if (!op || typeof op !== 'object' || !op.responses)
                continue;
            op.responses.default ??= {
                description: 'Error (RFC 9457 problem details)',
                content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
            };
        }
    }
    return document;
}
function setupSwagger(app) {
    swagger_1.SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
        jsonDocumentUrl: 'docs-json',
        swaggerOptions: { persistAuthorization: true },
    });
}
//# sourceMappingURL=swagger.js.map