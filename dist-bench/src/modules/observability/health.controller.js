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
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const terminus_1 = require("@nestjs/terminus");
const ioredis_1 = __importDefault(require("ioredis"));
const auth_decorators_1 = require("../../shared/http/auth.decorators");
const redis_module_1 = require("../../shared/redis/redis.module");
const CHECK_TIMEOUT_MS = 1000;
const withTimeout = (p, ms, what) => Promise.race([
    p,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms).unref()),
]);
let HealthController = class HealthController {
    health;
    db;
    indicators;
    redis;
    constructor(health, db, indicators, redis) {
        this.health = health;
        this.db = db;
        this.indicators = indicators;
        this.redis = redis;
    }
    live() {
        return { status: 'ok' };
    }
    ready() {
        return this.health.check([
            () => this.db.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
            async () => {
                const indicator = this.indicators.check('redis');
                try {
                    await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS, 'Redis');
                    return indicator.up();
                }
                catch (e) {
                    return indicator.down({ message: e.message });
                }
            },
        ]);
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ operationId: 'getLiveness', summary: 'Liveness: the process is up and serving HTTP' }),
    (0, swagger_1.ApiOkResponse)({ description: 'Alive', schema: { example: { status: 'ok' } } }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('ready'),
    (0, terminus_1.HealthCheck)(),
    (0, swagger_1.ApiOperation)({ operationId: 'getReadiness', summary: 'Readiness: Postgres and Redis answer' }),
    (0, swagger_1.ApiOkResponse)({ description: 'Ready; details per dependency' }),
    (0, swagger_1.ApiServiceUnavailableResponse)({ description: 'A dependency is down; the body names it' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "ready", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('health'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.Controller)('health'),
    __param(3, (0, common_1.Inject)(redis_module_1.RedisClient)),
    __metadata("design:paramtypes", [terminus_1.HealthCheckService,
        terminus_1.TypeOrmHealthIndicator,
        terminus_1.HealthIndicatorService,
        ioredis_1.default])
], HealthController);
//# sourceMappingURL=health.controller.js.map