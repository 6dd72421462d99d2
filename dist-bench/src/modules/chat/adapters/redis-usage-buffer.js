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
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisUsageBuffer = exports.USAGE_GROUP = exports.usageStreamKey = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const redis_module_1 = require("../../../shared/redis/redis.module");
const chat_redis_1 = require("./chat-redis");
const usage_record_1 = require("../domain/usage-record");
const usageStreamKey = (config) => (0, redis_module_1.redisKey)(config, 'usage', 'records');
exports.usageStreamKey = usageStreamKey;
exports.USAGE_GROUP = 'usage-writers';
let RedisUsageBuffer = class RedisUsageBuffer extends usage_record_1.UsageBuffer {
    redis;
    key;
    constructor(redis, config) {
        super();
        this.redis = redis;
        this.key = (0, exports.usageStreamKey)(config);
    }
    async append(record) {
        await this.redis.xadd(this.key, '*', 'r', JSON.stringify(record));
    }
};
exports.RedisUsageBuffer = RedisUsageBuffer;
exports.RedisUsageBuffer = RedisUsageBuffer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [chat_redis_1.ChatRedis,
        app_config_1.AppConfig])
], RedisUsageBuffer);
//# sourceMappingURL=redis-usage-buffer.js.map