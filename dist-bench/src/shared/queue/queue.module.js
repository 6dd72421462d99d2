"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueueModule = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const app_config_1 = require("../../config/app-config");
const redis_module_1 = require("../redis/redis.module");
const queue_names_1 = require("./queue-names");
const queues = Object.values(queue_names_1.QUEUES).map((name) => ({ name }));
let QueueModule = class QueueModule {
};
exports.QueueModule = QueueModule;
exports.QueueModule = QueueModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [
            bullmq_1.BullModule.forRootAsync({
                inject: [app_config_1.AppConfig],
                useFactory: (config) => ({
                    connection: (0, redis_module_1.createRedisConnection)(config, { maxRetriesPerRequest: null }),
                    prefix: `${config.redisKeyPrefix}:bull`,
                    defaultJobOptions: {
                        removeOnComplete: { age: 24 * 3600, count: 10000 },
                        removeOnFail: { age: 7 * 24 * 3600 },
                    },
                }),
            }),
            bullmq_1.BullModule.registerQueue(...queues),
        ],
        exports: [bullmq_1.BullModule],
    })
], QueueModule);
//# sourceMappingURL=queue.module.js.map