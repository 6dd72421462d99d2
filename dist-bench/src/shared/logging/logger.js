"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createRootLogger = createRootLogger;
const pino_1 = __importDefault(require("pino"));
const nestjs_cls_1 = require("nestjs-cls");
function createRootLogger(level, destination) {
    return (0, pino_1.default)({
        level,
        base: { service: 'tollgate' },
        timestamp: pino_1.default.stdTimeFunctions.isoTime,
        redact: {
            paths: [
                'req.headers.authorization',
                'req.headers["x-api-key"]',
                'req.headers.cookie',
                '*.password',
                '*.refreshToken',
                '*.accessToken',
                '*.secret',
                '*.apiKey',
                '*.key',
            ],
            censor: '[redacted]',
        },
        mixin() {
            const cls = nestjs_cls_1.ClsServiceManager.getClsService();
            if (!cls.isActive())
                return {};
            return { requestId: cls.get('requestId'), tenantId: cls.get('tenantId') };
        },
    }, destination ?? pino_1.default.destination({ sync: false }));
}
//# sourceMappingURL=logger.js.map