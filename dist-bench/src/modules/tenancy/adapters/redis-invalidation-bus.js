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
exports.RedisInvalidationBus = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const redis_module_1 = require("../../../shared/redis/redis.module");
const invalidation_bus_port_1 = require("../domain/invalidation-bus.port");
let RedisInvalidationBus = class RedisInvalidationBus extends invalidation_bus_port_1.InvalidationBus {
    redis;
    config;
    logger = new common_1.Logger('InvalidationBus');
    handlers = new Map();
    channel;
    subscriber;
    constructor(redis, config) {
        super();
        this.redis = redis;
        this.config = config;
        this.channel = (0, redis_module_1.redisKey)(config, 'auth', 'invalidate');
    }
    subscribe(topic, onKey) {
        this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), onKey]);
        if (this.subscriber)
            return;
        this.subscriber = (0, redis_module_1.createRedisConnection)(this.config, { maxRetriesPerRequest: null });
        this.subscriber.on('message', (_channel, message) => this.dispatch(message));
        this.subscriber.on('error', (err) => this.logger.warn(`subscriber: ${err.message}`));
        void this.subscriber.subscribe(this.channel).catch((err) => this.logger.warn(err.message));
    }
    async publish(topic, key) {
        const message = `${topic}\n${key}`;
        this.dispatch(message);
        await this.redis.publish(this.channel, message).catch((err) => {
            this.logger.warn(`could not broadcast ${topic} invalidation: ${err.message}`);
        });
    }
    dispatch(message) {
        const cut = message.indexOf('\n');
        const topic = message.slice(0, cut);
        const key = message.slice(cut + 1);
        for (const handler of this.handlers.get(topic) ?? [])
            handler(key);
    }
    onApplicationShutdown() {
        this.subscriber?.disconnect();
    }
};
exports.RedisInvalidationBus = RedisInvalidationBus;
exports.RedisInvalidationBus = RedisInvalidationBus = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [redis_module_1.RedisClient,
        app_config_1.AppConfig])
], RedisInvalidationBus);
//# sourceMappingURL=redis-invalidation-bus.js.map