"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemDetailsFilter = void 0;
exports.sendProblem = sendProblem;
const common_1 = require("@nestjs/common");
const nestjs_cls_1 = require("nestjs-cls");
const problem_details_1 = require("./problem-details");
let ProblemDetailsFilter = class ProblemDetailsFilter {
    logger = new common_1.Logger('Errors');
    catch(error, host) {
        if (host.getType() !== 'http')
            throw error;
        const http = host.switchToHttp();
        const request = http.getRequest();
        const reply = http.getResponse();
        sendProblem(error, request, reply, this.logger);
    }
};
exports.ProblemDetailsFilter = ProblemDetailsFilter;
exports.ProblemDetailsFilter = ProblemDetailsFilter = __decorate([
    (0, common_1.Catch)()
], ProblemDetailsFilter);
function sendProblem(error, request, reply, logger) {
    const cls = nestjs_cls_1.ClsServiceManager.getClsService();
    const requestId = (cls.isActive() && cls.get('requestId')) || String(request.id);
    const { problem, headers } = (0, problem_details_1.toProblem)(error, request.url, requestId);
    if (problem.status >= 500 && problem.code === 'internal_error') {
        logger.error({ err: error, requestId }, 'Unhandled error');
    }
    if (reply.sent)
        return;
    void reply
        .status(problem.status)
        .headers({ ...headers, 'content-type': problem_details_1.PROBLEM_CONTENT_TYPE })
        .send(problem);
}
//# sourceMappingURL=problem-details.filter.js.map