"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const swagger_parser_1 = __importDefault(require("@apidevtools/swagger-parser"));
const test_app_1 = require("../support/test-app");
describe('OpenAPI document', () => {
    let t;
    beforeAll(async () => {
        t = await (0, test_app_1.startTestApp)();
    });
    afterAll(() => t.close());
    it('is valid OpenAPI 3 and every operation has an operationId, a summary and response schemas', async () => {
        const doc = (await t.http.get('/docs-json').expect(200)).body;
        await swagger_parser_1.default.validate(structuredClone(doc));
        const problems = [];
        const ids = new Set();
        for (const [path, item] of Object.entries(doc.paths)) {
            for (const [method, op] of Object.entries(item)) {
                const where = `${method.toUpperCase()} ${path}`;
                if (!op.operationId)
                    problems.push(`${where}: no operationId`);
                else if (ids.has(op.operationId))
                    problems.push(`${where}: duplicate operationId ${op.operationId}`);
                ids.add(op.operationId);
                if (!op.summary)
                    problems.push(`${where}: no summary`);
                const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
                if (!success.length)
                    problems.push(`${where}: no 2xx response`);
                for (const [code, res] of success) {
                    if (code === '204')
                        continue;
                    const content = res.content ?? {};
                    if (!Object.values(content).some((c) => c.schema))
                        problems.push(`${where}: ${code} has no schema`);
                }
            }
        }
        expect(problems).toEqual([]);
    });
});
//# sourceMappingURL=openapi.e2e-spec.js.map