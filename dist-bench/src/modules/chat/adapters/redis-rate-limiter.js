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
exports.RedisRateLimiter = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const redis_module_1 = require("../../../shared/redis/redis.module");
const chat_redis_1 = require("./chat-redis");
const limits_port_1 = require("../domain/limits.port");
const WINDOW_MS = 60_000;
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local w = tonumber(ARGV[1])
local cur = math.floor(now / w)
local elapsed = (now % w) / w
for i, base in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 * i])
  local cost = tonumber(ARGV[2 * i + 1])
  local c = tonumber(redis.call('GET', base .. ':' .. cur) or '0')
  local p = tonumber(redis.call('GET', base .. ':' .. (cur - 1)) or '0')
  if p * (1 - elapsed) + c + cost > limit then
    local room = limit - cost - c
    local wait
    if room >= 0 and p > 0 then
      wait = (1 - room / p - elapsed) * w
    elseif limit - cost < 0 then
      wait = w
    elseif c > 0 then
      wait = (1 - elapsed) * w + math.max(0, 1 - (limit - cost) / c) * w
    else
      wait = (1 - elapsed) * w
    end
    return { i, math.ceil(math.max(wait, 1)) }
  end
end
for i, base in ipairs(KEYS) do
  local cost = tonumber(ARGV[2 * i + 1])
  if cost > 0 then
    redis.call('INCRBY', base .. ':' .. cur, cost)
    redis.call('PEXPIRE', base .. ':' .. cur, 2 * w)
  end
end
return { 0, 0 }
`;
const ADD = `
local t = redis.call('TIME')
local cur = math.floor((tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)) / tonumber(ARGV[1]))
for i, base in ipairs(KEYS) do
  local k = base .. ':' .. cur
  redis.call('INCRBY', k, tonumber(ARGV[i + 1]))
  redis.call('PEXPIRE', k, 2 * tonumber(ARGV[1]))
end
return 0
`;
let RedisRateLimiter = class RedisRateLimiter extends limits_port_1.RateLimiter {
    config;
    redis;
    constructor(redis, config) {
        super();
        this.config = config;
        redis.defineCommand('tgRateAdmit', { lua: ADMIT });
        redis.defineCommand('tgRateAdd', { lua: ADD });
        this.redis = redis;
    }
    async admit(rules) {
        const keys = rules.map((r) => (0, redis_module_1.redisKey)(this.config, 'rl', r.key));
        const args = rules.flatMap((r) => [r.limit, r.cost]);
        const [index, retryAfterMs] = await this.redis.tgRateAdmit(keys.length, ...keys, WINDOW_MS, ...args);
        return index === 0 ? { allowed: true } : { allowed: false, rule: rules[index - 1], retryAfterMs };
    }
    async add(entries) {
        const live = entries.filter((e) => e.amount !== 0);
        if (!live.length)
            return;
        const keys = live.map((e) => (0, redis_module_1.redisKey)(this.config, 'rl', e.key));
        await this.redis.tgRateAdd(keys.length, ...keys, WINDOW_MS, ...live.map((e) => Math.round(e.amount)));
    }
};
exports.RedisRateLimiter = RedisRateLimiter;
exports.RedisRateLimiter = RedisRateLimiter = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [chat_redis_1.ChatRedis,
        app_config_1.AppConfig])
], RedisRateLimiter);
//# sourceMappingURL=redis-rate-limiter.js.map