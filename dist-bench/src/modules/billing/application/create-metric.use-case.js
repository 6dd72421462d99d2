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
exports.CreateMetric = void 0;
const common_1 = require("@nestjs/common");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const metering_1 = require("../domain/metering");
let CreateMetric = class CreateMetric {
    metrics;
    clock;
    constructor(metrics, clock) {
        this.metrics = metrics;
        this.clock = clock;
    }
    async execute(tenantId, input) {
        if (input.aggregation !== 'count' && !input.field)
            throw new domain_error_1.InvalidError('metric_field_required', `A ${input.aggregation} metric needs the property it aggregates`, [{ field: 'field', message: 'required unless aggregation is count' }]);
        for (const [k, v] of Object.entries(input.filters ?? {}))
            if (!['string', 'number', 'boolean'].includes(typeof v))
                throw new domain_error_1.InvalidError('invalid_filter', `Filter ${k} must be a string, number or boolean`, [
                    { field: `filters.${k}`, message: 'must be a string, number or boolean' },
                ]);
        const metric = {
            id: (0, ids_1.newId)(),
            tenantId,
            code: input.code,
            name: input.name,
            aggregation: input.aggregation,
            field: input.aggregation === 'count' ? (input.field ?? null) : input.field,
            filters: input.filters ?? {},
            createdAt: this.clock.now(),
        };
        if (!(await this.metrics.insert(metric)))
            throw new domain_error_1.ConflictError('metric_code_taken', `A metric with code ${input.code} exists`);
        return metric;
    }
};
exports.CreateMetric = CreateMetric;
exports.CreateMetric = CreateMetric = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [metering_1.MetricRepository,
        clock_port_1.Clock])
], CreateMetric);
//# sourceMappingURL=create-metric.use-case.js.map