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
Object.defineProperty(exports, "__esModule", { value: true });
exports.MetricsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const nestjs_prometheus_1 = require("@willsoto/nestjs-prometheus");
const auth_decorators_1 = require("../../shared/http/auth.decorators");
let MetricsController = class MetricsController extends nestjs_prometheus_1.PrometheusController {
    index(response) {
        return super.index(response);
    }
};
exports.MetricsController = MetricsController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiProduces)('text/plain'),
    (0, swagger_1.ApiOperation)({
        operationId: 'getMetrics',
        summary: 'Prometheus metrics (process defaults, HTTP histogram, in-flight gauge)',
    }),
    (0, swagger_1.ApiOkResponse)({ description: 'Prometheus text exposition format', schema: { type: 'string' } }),
    __param(0, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], MetricsController.prototype, "index", null);
exports.MetricsController = MetricsController = __decorate([
    (0, swagger_1.ApiTags)('health'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.Controller)()
], MetricsController);
//# sourceMappingURL=metrics.controller.js.map