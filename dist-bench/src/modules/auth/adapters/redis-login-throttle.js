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
exports.RedisLoginThrottle = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const redis_module_1 = require("../../../shared/redis/redis.module");
const auth_ports_1 = require("../domain/auth.ports");
let RedisLoginThrottle = class RedisLoginThrottle extends auth_ports_1.LoginThrottle {
    redis;
    config;
    constructor(redis, config) {
        super();
        this.redis = redis;
        this.config = config;
    }
    keys(email, ip) {
        const account = (0, node_crypto_1.createHash)('sha256').update(email).digest('hex').slice(0, 32);
        return [
            (0, redis_module_1.redisKey)(this.config, 'auth', 'login-fail', 'acct', account),
            (0, redis_module_1.redisKey)(this.config, 'auth', 'login-fail', 'ip', ip),
        ];
    }
    async assertAllowed(email, ip) {
        const [account, client] = this.keys(email, ip);
        const { loginMaxFailuresPerAccount, loginMaxFailuresPerIp } = this.config.auth;
        const [a, i] = await this.redis.mget(account, client);
        const blocked = Number(a ?? 0) >= loginMaxFailuresPerAccount
            ? account
            : Number(i ?? 0) >= loginMaxFailuresPerIp
                ? client
                : null;
        if (!blocked)
            return;
        const ttl = await this.redis.pttl(blocked);
        throw new domain_error_1.RateLimitedError('Too many failed sign-in attempts; try again later', Math.max(1, Math.ceil(ttl / 1000)), 'too_many_login_attempts');
    }
    async recordFailure(email, ip) {
        const window = this.config.auth.loginWindowSeconds;
        const multi = this.redis.multi();
        for (const key of this.keys(email, ip))
            multi.incr(key).expire(key, window, 'NX');
        await multi.exec();
    }
    async reset(email) {
        await this.redis.del(this.keys(email, '-')[0]);
    }
};
exports.RedisLoginThrottle = RedisLoginThrottle;
exports.RedisLoginThrottle = RedisLoginThrottle = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [redis_module_1.RedisClient,
        app_config_1.AppConfig])
], RedisLoginThrottle);
//# sourceMappingURL=redis-login-throttle.js.map