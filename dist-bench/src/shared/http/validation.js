"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createValidationPipe = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../domain/domain-error");
function flatten(errors, parent = '') {
    return errors.flatMap((e) => {
        const field = parent
            ? /^\d+$/.test(e.property)
                ? `${parent}[${e.property}]`
                : `${parent}.${e.property}`
            : e.property;
        const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
        return [...own, ...flatten(e.children ?? [], field)];
    });
}
const createValidationPipe = () => new common_1.ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
        const violations = flatten(errors);
        return new domain_error_1.InvalidError('validation_failed', `${violations.length} field(s) are invalid: ${violations.map((v) => v.field).join(', ')}`, violations);
    },
});
exports.createValidationPipe = createValidationPipe;
//# sourceMappingURL=validation.js.map