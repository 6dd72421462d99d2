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
var RecordFailedJob_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordFailedJob = void 0;
const common_1 = require("@nestjs/common");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const failed_job_repository_port_1 = require("../domain/failed-job.repository.port");
let RecordFailedJob = RecordFailedJob_1 = class RecordFailedJob {
    failedJobs;
    logger = new common_1.Logger(RecordFailedJob_1.name);
    constructor(failedJobs) {
        this.failedJobs = failedJobs;
    }
    async execute(job, error) {
        if (job.attemptsMade < job.maxAttempts)
            return false;
        const data = (job.data ?? {});
        this.logger.error({ err: error, queue: job.queue, jobName: job.name, jobId: job.id }, 'job failed for good');
        if (typeof data.tenantId !== 'string')
            return true;
        await this.failedJobs.record({
            tenantId: (0, tenant_id_1.asTenantId)(data.tenantId),
            queue: job.queue,
            jobName: job.name,
            jobId: job.id ?? 'unknown',
            data,
            error: error.message.slice(0, 2000),
            attempts: job.attemptsMade,
        });
        return true;
    }
};
exports.RecordFailedJob = RecordFailedJob;
exports.RecordFailedJob = RecordFailedJob = RecordFailedJob_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [failed_job_repository_port_1.FailedJobRepository])
], RecordFailedJob);
//# sourceMappingURL=record-failed-job.use-case.js.map