"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeWebhookReceiver = void 0;
const node_http_1 = require("node:http");
class FakeWebhookReceiver {
    received = [];
    server;
    url = '';
    respond = () => ({ status: 200, body: 'ok' });
    async start() {
        this.server = (0, node_http_1.createServer)((req, res) => {
            const chunks = [];
            req.on('data', (c) => chunks.push(c));
            req.on('end', () => {
                const body = Buffer.concat(chunks).toString('utf8');
                let json = null;
                try {
                    json = JSON.parse(body);
                }
                catch {
                    json = null;
                }
                const hook = {
                    path: req.url ?? '/',
                    headers: req.headers,
                    body,
                    json,
                    at: Date.now(),
                };
                this.received.push(hook);
                const answer = this.respond(hook);
                const send = () => {
                    res.writeHead(answer.status, { 'content-type': 'text/plain' });
                    res.end(answer.body ?? '');
                };
                if (answer.delayMs)
                    setTimeout(send, answer.delayMs);
                else
                    send();
            });
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.url = `http://127.0.0.1:${this.server.address().port}`;
        return this;
    }
    async waitFor(count, filter = () => true, timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const matching = this.received.filter(filter);
            if (matching.length >= count)
                return matching;
            if (Date.now() > deadline)
                throw new Error(`expected ${count} webhook(s), got ${matching.length}: ${JSON.stringify(matching.map((m) => m.json))}`);
            await new Promise((r) => setTimeout(r, 50));
        }
    }
    close() {
        this.server.closeAllConnections?.();
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
}
exports.FakeWebhookReceiver = FakeWebhookReceiver;
//# sourceMappingURL=fake-webhook-receiver.js.map