"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1, ConfigHolderModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const typeorm_1 = require("@nestjs/typeorm");
const nestjs_cls_1 = require("nestjs-cls");
const transactional_1 = require("@nestjs-cls/transactional");
const transactional_adapter_typeorm_1 = require("@nestjs-cls/transactional-adapter-typeorm");
const typeorm_2 = require("typeorm");
const app_config_1 = require("./config/app-config");
const clock_port_1 = require("./shared/domain/clock.port");
const data_source_options_1 = require("./shared/persistence/data-source-options");
const redis_module_1 = require("./shared/redis/redis.module");
const queue_module_1 = require("./shared/queue/queue.module");
const problem_details_filter_1 = require("./shared/http/problem-details.filter");
const auth_guard_1 = require("./shared/http/auth.guard");
const observability_module_1 = require("./modules/observability/observability.module");
const auth_module_1 = require("./modules/auth/auth.module");
const tenancy_module_1 = require("./modules/tenancy/tenancy.module");
const agents_module_1 = require("./modules/agents/agents.module");
const chat_module_1 = require("./modules/chat/chat.module");
const conversations_module_1 = require("./modules/conversations/conversations.module");
const billing_module_1 = require("./modules/billing/billing.module");
const invoicing_module_1 = require("./modules/invoicing/invoicing.module");
const webhooks_module_1 = require("./modules/webhooks/webhooks.module");
const invoicing_workers_module_1 = require("./modules/invoicing/invoicing-workers.module");
const webhooks_workers_module_1 = require("./modules/webhooks/webhooks-workers.module");
const chat_workers_module_1 = require("./modules/chat/adapters/chat-workers.module");
const conversations_workers_module_1 = require("./modules/conversations/adapters/conversations-workers.module");
const FEATURE_MODULES = [
    auth_module_1.AuthModule,
    tenancy_module_1.TenancyModule,
    agents_module_1.AgentsModule,
    chat_module_1.ChatModule,
    conversations_module_1.ConversationsModule,
    billing_module_1.BillingModule,
    invoicing_module_1.InvoicingModule,
    webhooks_module_1.WebhooksModule,
];
const WORKER_MODULES = [
    chat_workers_module_1.ChatWorkersModule,
    conversations_workers_module_1.ConversationsWorkersModule,
    invoicing_workers_module_1.InvoicingWorkersModule,
    webhooks_workers_module_1.WebhooksWorkersModule,
];
let AppModule = AppModule_1 = class AppModule {
    static forRoot(options) {
        const { config } = options;
        return {
            module: AppModule_1,
            imports: [
                nestjs_cls_1.ClsModule.forRoot({
                    global: true,
                    plugins: [
                        new transactional_1.ClsPluginTransactional({
                            adapter: new transactional_adapter_typeorm_1.TransactionalAdapterTypeOrm({ dataSourceToken: typeorm_2.DataSource }),
                        }),
                    ],
                }),
                typeorm_1.TypeOrmModule.forRoot({
                    ...(0, data_source_options_1.dataSourceOptions)({
                        url: config.databaseUrl,
                        readUrl: config.databaseReadUrl,
                        poolSize: config.databasePoolSize,
                        migrationsRun: config.migrationsRun,
                    }),
                    autoLoadEntities: true,
                }),
                ConfigHolderModule.with(config, options.clock ?? new clock_port_1.SystemClock()),
                redis_module_1.RedisModule,
                queue_module_1.QueueModule,
                observability_module_1.ObservabilityModule,
                ...FEATURE_MODULES,
                ...(options.workers ? WORKER_MODULES : []),
            ],
            providers: [
                { provide: core_1.APP_FILTER, useClass: problem_details_filter_1.ProblemDetailsFilter },
                { provide: core_1.APP_GUARD, useClass: auth_guard_1.AuthGuard },
            ],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
let ConfigHolderModule = ConfigHolderModule_1 = class ConfigHolderModule {
    static with(config, clock) {
        return {
            module: ConfigHolderModule_1,
            global: true,
            providers: [
                { provide: app_config_1.AppConfig, useValue: config },
                { provide: clock_port_1.Clock, useValue: clock },
            ],
            exports: [app_config_1.AppConfig, clock_port_1.Clock],
        };
    }
};
ConfigHolderModule = ConfigHolderModule_1 = __decorate([
    (0, common_1.Module)({})
], ConfigHolderModule);
//# sourceMappingURL=app.module.js.map