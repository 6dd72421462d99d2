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
exports.RetryFailedJob = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const queue_names_1 = require("../../../shared/queue/queue-names");
const failed_job_repository_port_1 = require("../domain/failed-job.repository.port");
let RetryFailedJob = class RetryFailedJob {
    failedJobs;
    clock;
    queues;
    constructor(failedJobs, clock, invoicing, outcomes, stripeEvents) {
        this.failedJobs = failedJobs;
        this.clock = clock;
        this.queues = {
            [queue_names_1.QUEUES.invoicing]: invoicing,
            [queue_names_1.QUEUES.outcomeVerification]: outcomes,
            [queue_names_1.QUEUES.stripeEvents]: stripeEvents,
        };
    }
    async execute(tenantId, id) {
        const job = await this.failedJobs.find(tenantId, id);
        if (!job)
            throw new domain_error_1.NotFoundError('Failed job', id);
        const queue = this.queues[job.queue];
        if (!queue)
            throw new domain_error_1.ConflictError('queue_not_retryable', `Jobs of ${job.queue} cannot be retried here`);
        if (!(await this.failedJobs.markRetried(tenantId, id)))
            throw new domain_error_1.ConflictError('job_already_retried', 'This job was retried already');
        await queue.add(job.jobName, job.data, {
            jobId: `${job.jobId}_retry_${this.clock.now().getTime()}`,
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
        });
        return { ...job, status: 'retried' };
    }
};
exports.RetryFailedJob = RetryFailedJob;
exports.RetryFailedJob = RetryFailedJob = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.invoicing)),
    __param(3, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.outcomeVerification)),
    __param(4, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.stripeEvents)),
    __metadata("design:paramtypes", [failed_job_repository_port_1.FailedJobRepository,
        clock_port_1.Clock,
        bullmq_2.Queue,
        bullmq_2.Queue,
        bullmq_2.Queue])
], RetryFailedJob);
//# sourceMappingURL=retry-failed-job.use-case.js.map