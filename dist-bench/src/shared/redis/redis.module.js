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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisModule = exports.redisKey = exports.RedisClient = void 0;
exports.createRedisConnection = createRedisConnection;
const common_1 = require("@nestjs/common");
const ioredis_1 = __importDefault(require("ioredis"));
const app_config_1 = require("../../config/app-config");
class RedisClient {
}
exports.RedisClient = RedisClient;
function createRedisConnection(config, extra = {}) {
    return new ioredis_1.default(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: true,
        connectTimeout: 2000,
        retryStrategy: (times) => Math.min(times * 200, 2000),
        lazyConnect: false,
        ...extra,
    });
}
const redisKey = (config, ...parts) => [config.redisKeyPrefix, ...parts].join(':');
exports.redisKey = redisKey;
let RedisModule = class RedisModule {
    redis;
    constructor(redis) {
        this.redis = redis;
    }
    async onApplicationShutdown() {
        if (this.redis.status === 'ready')
            await this.redis.quit().catch(() => this.redis.disconnect());
        else
            this.redis.disconnect();
    }
};
exports.RedisModule = RedisModule;
exports.RedisModule = RedisModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [
            {
                provide: RedisClient,
                inject: [app_config_1.AppConfig],
                useFactory: (config) => createRedisConnection(config),
            },
        ],
        exports: [RedisClient],
    }),
    __param(0, (0, common_1.Inject)(RedisClient)),
    __metadata("design:paramtypes", [ioredis_1.default])
], RedisModule);
//# sourceMappingURL=redis.module.js.map