"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const fastify_1 = __importDefault(require("fastify"));
async function main() {
    const app = (0, fastify_1.default)({ logger: false });
    app.get('/health', async () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.send({ port: app.server.address().port });
}
void main();
//# sourceMappingURL=bare-fastify-server.js.map