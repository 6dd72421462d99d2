"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHttpApp = createHttpApp;
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const node_crypto_1 = require("node:crypto");
const app_module_1 = require("./app.module");
const validation_1 = require("./shared/http/validation");
const http_metrics_1 = require("./modules/observability/http-metrics");
const swagger_1 = require("./shared/http/swagger");
const nest_logger_1 = require("./shared/logging/nest-logger");
const nestjs_cls_1 = require("nestjs-cls");
const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;
const ID_PREFIX = (0, node_crypto_1.randomUUID)().slice(0, 24);
let idCounter = 0;
const nextRequestId = () => ID_PREFIX + (idCounter = (idCounter + 1) % 0x1000000000000).toString(16).padStart(12, '0');
function requestIdFor(req) {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : nextRequestId();
}
function installRequestContext(fastify, cls) {
    fastify.addHook('onRequest', (request, _reply, done) => {
        const id = String(request.id);
        cls.runWith({ [nestjs_cls_1.CLS_ID]: id, requestId: id, ip: request.ip }, done);
    });
}
function dropClsNoopEnhancers(app) {
    const config = app.config;
    if (typeof config?.getGlobalInterceptors !== 'function' || typeof config.getGlobalGuards !== 'function')
        return;
    for (const list of [config.getGlobalInterceptors(), config.getGlobalGuards()]) {
        for (let i = list.length - 1; i >= 0; i--)
            if (list[i].constructor === Object)
                list.splice(i, 1);
    }
}
async function createHttpApp(options) {
    const { config, logger } = options;
    const adapter = new platform_fastify_1.FastifyAdapter({
        logger: false,
        bodyLimit: config.bodyLimitBytes,
        genReqId: requestIdFor,
        trustProxy: config.trustProxy,
        routerOptions: { ignoreTrailingSlash: true },
    });
    const nestLogger = new nest_logger_1.PinoNestLogger(logger);
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(options), adapter, {
        logger: nestLogger,
        rawBody: true,
        bufferLogs: false,
        abortOnError: false,
    });
    dropClsNoopEnhancers(app);
    const fastify = app.getHttpAdapter().getInstance();
    installRequestContext(fastify, app.get(nestjs_cls_1.ClsService));
    (0, http_metrics_1.installHttpHooks)(fastify, logger);
    app.useGlobalPipes((0, validation_1.createValidationPipe)());
    app.enableShutdownHooks();
    (0, swagger_1.setupSwagger)(app);
    await app.init();
    await fastify.ready();
    return app;
}
//# sourceMappingURL=http-app.js.map