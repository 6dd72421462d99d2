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
exports.ChatRedisShutdown = exports.chatRedisProvider = exports.ChatRedis = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const redis_module_1 = require("../../../shared/redis/redis.module");
class ChatRedis {
}
exports.ChatRedis = ChatRedis;
exports.chatRedisProvider = {
    provide: ChatRedis,
    inject: [app_config_1.AppConfig],
    useFactory: (config) => (0, redis_module_1.createRedisConnection)(config, { enableAutoPipelining: true }),
};
let ChatRedisShutdown = class ChatRedisShutdown {
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
exports.ChatRedisShutdown = ChatRedisShutdown;
exports.ChatRedisShutdown = ChatRedisShutdown = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [ChatRedis])
], ChatRedisShutdown);
//# sourceMappingURL=chat-redis.js.map