"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ObservabilityModule = void 0;
const common_1 = require("@nestjs/common");
const terminus_1 = require("@nestjs/terminus");
const nestjs_prometheus_1 = require("@willsoto/nestjs-prometheus");
const health_controller_1 = require("./health.controller");
const metrics_controller_1 = require("./metrics.controller");
let ObservabilityModule = class ObservabilityModule {
};
exports.ObservabilityModule = ObservabilityModule;
exports.ObservabilityModule = ObservabilityModule = __decorate([
    (0, common_1.Module)({
        imports: [
            terminus_1.TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
            nestjs_prometheus_1.PrometheusModule.register({
                path: '/metrics',
                controller: metrics_controller_1.MetricsController,
                defaultMetrics: { enabled: true },
            }),
        ],
        controllers: [health_controller_1.HealthController],
    })
], ObservabilityModule);
//# sourceMappingURL=observability.module.js.map