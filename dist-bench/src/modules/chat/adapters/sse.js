"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SseWriter = void 0;
exports.abortOnDisconnect = abortOnDisconnect;
const problem_details_1 = require("../../../shared/http/problem-details");
class SseWriter {
    reply;
    open = false;
    constructor(reply) {
        this.reply = reply;
    }
    get started() {
        return this.open;
    }
    start() {
        this.open = true;
        this.reply.hijack();
        const headers = this.reply.getHeaders();
        this.reply.raw.writeHead(200, {
            ...headers,
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            connection: 'keep-alive',
            'x-accel-buffering': 'no',
        });
    }
    send(data, event) {
        if (!this.open)
            this.start();
        const raw = this.reply.raw;
        if (raw.destroyed)
            return;
        if (!raw.writableCorked) {
            raw.cork();
            process.nextTick(() => raw.uncork());
        }
        raw.write(event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`);
    }
    end() {
        if (this.open && !this.reply.raw.destroyed)
            this.reply.raw.end();
    }
    fail(error, request, event) {
        const { problem } = (0, problem_details_1.toProblem)(error, request.url, String(request.id));
        this.send(JSON.stringify(event ? problem : { error: { message: problem.detail, type: problem.code, code: problem.code } }), event);
        this.end();
    }
}
exports.SseWriter = SseWriter;
function abortOnDisconnect(reply) {
    const controller = new AbortController();
    reply.raw.on('close', () => {
        if (!reply.raw.writableFinished)
            controller.abort();
    });
    return controller;
}
//# sourceMappingURL=sse.js.map