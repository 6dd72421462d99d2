"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.expandRunJobId = exports.finalizeJobId = exports.generateJobId = exports.VERIFY_OUTCOME_JOB = exports.INVOICING_JOBS = void 0;
exports.INVOICING_JOBS = {
    scheduleRun: 'schedule-invoice-run',
    expandRun: 'expand-invoice-run',
    generate: 'generate-invoice',
    finalize: 'finalize-invoice',
    markOverdue: 'mark-overdue-invoices',
};
exports.VERIFY_OUTCOME_JOB = 'verify-outcome';
const generateJobId = (subscriptionId, periodStart) => `inv_${subscriptionId}_${periodStart.getTime()}`;
exports.generateJobId = generateJobId;
const finalizeJobId = (invoiceId) => `fin_${invoiceId}`;
exports.finalizeJobId = finalizeJobId;
const expandRunJobId = (runId) => `run_${runId}`;
exports.expandRunJobId = expandRunJobId;
//# sourceMappingURL=invoicing-jobs.js.map