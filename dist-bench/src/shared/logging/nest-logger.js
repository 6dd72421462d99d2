"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PinoNestLogger = void 0;
class PinoNestLogger {
    logger;
    constructor(logger) {
        this.logger = logger;
    }
    write(level, message, params) {
        const context = typeof params[params.length - 1] === 'string' ? params[params.length - 1] : undefined;
        if (message instanceof Error)
            this.logger[level]({ err: message, context }, message.message);
        else if (typeof message === 'object')
            this.logger[level]({ ...message, context });
        else
            this.logger[level]({ context, ...(params.length > 1 && params[0] ? { detail: params[0] } : {}) }, String(message));
    }
    log(message, ...params) {
        this.write('info', message, params);
    }
    error(message, ...params) {
        this.write('error', message, params);
    }
    warn(message, ...params) {
        this.write('warn', message, params);
    }
    debug(message, ...params) {
        this.write('debug', message, params);
    }
    verbose(message, ...params) {
        this.write('trace', message, params);
    }
}
exports.PinoNestLogger = PinoNestLogger;
//# sourceMappingURL=nest-logger.js.map