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
require("reflect-metadata");
const node_async_hooks_1 = require("node:async_hooks");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const E = process.env;
let HealthController = class HealthController {
    health() { return { status: 'ok' }; }
};
__decorate([
    (0, common_1.Get)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "health", null);
HealthController = __decorate([
    (0, common_1.Controller)('health')
], HealthController);
let G = class G {
    canActivate() { return true; }
};
G = __decorate([
    (0, common_1.Injectable)()
], G);
let BareModule = class BareModule {
};
BareModule = __decorate([
    (0, common_1.Module)({ controllers: [HealthController], providers: E.GUARD ? [{ provide: core_1.APP_GUARD, useClass: G }] : [] })
], BareModule);
const keep = [];
if (E.BLOAT) {
    for (const m of ['stripe', 'openai', 'typeorm', 'pdfkit', '@nestjs/swagger', 'bullmq', 'ioredis', 'pg', 'class-validator', 'prom-client', 'pino', 'jose', 'zod'])
        keep.push(require(m));
    for (let i = 0; i < 1_500_000; i++)
        keep.push({ a: i, b: 'x' + i, c: [i] });
}
async function main() {
    const app = await core_1.NestFactory.create(BareModule, new platform_fastify_1.FastifyAdapter(), { logger: false });
    const f = app.getHttpAdapter().getInstance();
    if (E.ALS) {
        const als = new node_async_hooks_1.AsyncLocalStorage();
        f.addHook('onRequest', (req, _r, done) => als.run({ id: req.id }, done));
    }
    if (E.HOOKS) {
        f.addHook('onRequest', (req, reply, done) => { reply.header('x-request-id', req.id); done(); });
        f.addHook('onResponse', (req, reply, done) => { done(); });
    }
    await app.listen(0, '127.0.0.1');
    process.send({ port: app.getHttpServer().address().port });
}
void main();
//# sourceMappingURL=nest-variant.js.map