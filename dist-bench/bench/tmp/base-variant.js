"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Cfg_1;
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const typeorm_1 = require("@nestjs/typeorm");
const nestjs_cls_1 = require("nestjs-cls");
const terminus_1 = require("@nestjs/terminus");
const nestjs_prometheus_1 = require("@willsoto/nestjs-prometheus");
const app_config_1 = require("../../src/config/app-config");
const data_source_options_1 = require("../../src/shared/persistence/data-source-options");
const redis_module_1 = require("../../src/shared/redis/redis.module");
const queue_module_1 = require("../../src/shared/queue/queue.module");
const E = process.env;
if (E.IMPORTALL)
    require('../../src/app.module');
const logger_1 = require("../../src/shared/logging/logger");
const nest_logger_1 = require("../../src/shared/logging/nest-logger");
const transactional_1 = require("@nestjs-cls/transactional");
const transactional_adapter_typeorm_1 = require("@nestjs-cls/transactional-adapter-typeorm");
const typeorm_2 = require("typeorm");
let HealthController = class HealthController {
    health() { return { status: 'ok' }; }
};
__decorate([
    (0, common_1.Get)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "health", null);
HealthController = __decorate([
    (0, common_1.Controller)('health')
], HealthController);
const config = (0, app_config_1.loadConfig)(process.env, { PORT: '0' });
let Cfg = Cfg_1 = class Cfg {
    static m() { return { module: Cfg_1, global: true, providers: [{ provide: app_config_1.AppConfig, useValue: config }], exports: [app_config_1.AppConfig] }; }
};
Cfg = Cfg_1 = __decorate([
    (0, common_1.Module)({})
], Cfg);
let BaseModule = class BaseModule {
};
BaseModule = __decorate([
    (0, common_1.Module)({
        imports: [
            Cfg.m(),
            ...(E.CLS ? [nestjs_cls_1.ClsModule.forRoot({ global: true, plugins: E.TX ? [new transactional_1.ClsPluginTransactional({ adapter: new transactional_adapter_typeorm_1.TransactionalAdapterTypeOrm({ dataSourceToken: typeorm_2.DataSource }) })] : [] })] : []),
            ...(E.ORM ? [typeorm_1.TypeOrmModule.forRoot({ ...(0, data_source_options_1.dataSourceOptions)({ url: config.databaseUrl }), autoLoadEntities: true })] : []),
            ...(E.REDIS ? [redis_module_1.RedisModule] : []),
            ...(E.QUEUE ? [queue_module_1.QueueModule] : []),
            ...(E.TERM ? [terminus_1.TerminusModule.forRoot()] : []),
            ...(E.PROM ? [nestjs_prometheus_1.PrometheusModule.register({ defaultMetrics: { enabled: true } })] : []),
        ],
        controllers: [HealthController],
    })
], BaseModule);
async function main() {
    const app = await core_1.NestFactory.create(BaseModule, new platform_fastify_1.FastifyAdapter(), { logger: E.LOGGER ? new nest_logger_1.PinoNestLogger((0, logger_1.createRootLogger)('info')) : false });
    await app.listen(0, '127.0.0.1');
    process.send({ port: app.getHttpServer().address().port });
}
void main();
//# sourceMappingURL=base-variant.js.map