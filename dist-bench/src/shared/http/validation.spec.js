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
const class_validator_1 = require("class-validator");
const problem_details_1 = require("./problem-details");
const validation_1 = require("./validation");
const domain_error_1 = require("../domain/domain-error");
class Sample {
    name;
    count;
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Sample.prototype, "name", void 0);
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10),
    __metadata("design:type", Number)
], Sample.prototype, "count", void 0);
describe('global validation pipe', () => {
    const pipe = (0, validation_1.createValidationPipe)();
    const run = (value) => pipe.transform(value, { type: 'body', metatype: Sample });
    it('accepts a valid body and turns it into the DTO class', async () => {
        await expect(run({ name: 'a', count: 2 })).resolves.toBeInstanceOf(Sample);
    });
    it('rejects unknown fields and wrong types, listing every bad field', async () => {
        const error = await run({ name: 5, count: '3', extra: true }).catch((e) => e);
        expect(error).toBeInstanceOf(domain_error_1.InvalidError);
        const { problem } = (0, problem_details_1.toProblem)(error, '/x', 'rid');
        expect(problem.status).toBe(400);
        expect(problem.code).toBe('validation_failed');
        const fields = problem.errors.map((e) => e.field).sort();
        expect(fields).toEqual(expect.arrayContaining(['count', 'extra', 'name']));
    });
});
//# sourceMappingURL=validation.spec.js.map