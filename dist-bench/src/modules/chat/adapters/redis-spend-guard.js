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
exports.RedisSpendGuard = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const redis_module_1 = require("../../../shared/redis/redis.module");
const chat_redis_1 = require("./chat-redis");
const limits_port_1 = require("../domain/limits.port");
const pricing_1 = require("../domain/pricing");
const RESERVE = `
local amount = tonumber(ARGV[1])
for i, k in ipairs(KEYS) do
  local cur = redis.call('GET', k)
  if not cur then
    cur = ARGV[3 * i]
    redis.call('SET', k, cur, 'EX', tonumber(ARGV[3 * i + 1]))
  end
  if tonumber(cur) + amount > tonumber(ARGV[3 * i - 1]) then return i end
end
for i, k in ipairs(KEYS) do redis.call('INCRBY', k, amount) end
return 0
`;
const SETTLE = `
for i, k in ipairs(KEYS) do
  if redis.call('EXISTS', k) == 1 then redis.call('INCRBY', k, tonumber(ARGV[1])) end
end
return 0
`;
let RedisSpendGuard = class RedisSpendGuard extends limits_port_1.SpendGuard {
    config;
    redis;
    constructor(redis, config) {
        super();
        this.config = config;
        redis.defineCommand('tgSpendReserve', { lua: RESERVE });
        redis.defineCommand('tgSpendSettle', { lua: SETTLE });
        this.redis = redis;
    }
    key(budget) {
        return (0, redis_module_1.redisKey)(this.config, 'budget', budget.key);
    }
    async reserve(budgets, nanos) {
        if (!budgets.length)
            return { budgets, nanos: 0 };
        const keys = budgets.map((b) => this.key(b));
        const args = budgets.flatMap((b) => [
            (0, money_1.dec)(b.limit).times(1e9).floor().toNumber(),
            (0, pricing_1.toNanos)((0, money_1.dec)(b.spent)),
            Math.max(1, Math.ceil(b.ttlSeconds)),
        ]);
        const failed = await this.redis.tgSpendReserve(keys.length, ...keys, nanos, ...args);
        if (failed) {
            const budget = budgets[failed - 1];
            throw new domain_error_1.PaymentRequiredError(`This request could cost up to ${(0, money_1.dec)(nanos).div(1e9).toFixed()} ${budget.currency}, more than is left ` +
                `of the ${budget.limit} ${budget.currency} budget`, budget.reason);
        }
        return { budgets, nanos };
    }
    async settle(reservation, actualNanos) {
        const delta = actualNanos - reservation.nanos;
        if (!reservation.budgets.length || delta === 0)
            return;
        const keys = reservation.budgets.map((b) => this.key(b));
        await this.redis.tgSpendSettle(keys.length, ...keys, delta);
    }
};
exports.RedisSpendGuard = RedisSpendGuard;
exports.RedisSpendGuard = RedisSpendGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [chat_redis_1.ChatRedis,
        app_config_1.AppConfig])
], RedisSpendGuard);
//# sourceMappingURL=redis-spend-guard.js.map