"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeStripe = void 0;
exports.parseStripeForm = parseStripeForm;
const node_http_1 = require("node:http");
const node_crypto_1 = require("node:crypto");
function parseStripeForm(raw) {
    const root = {};
    for (const [key, value] of new URLSearchParams(raw)) {
        const path = key.replace(/\]/g, '').split('[');
        let node = root;
        path.forEach((part, i) => {
            if (i === path.length - 1)
                node[part] = value;
            else
                node = node[part] ??= {};
        });
    }
    const arrays = (o) => {
        if (typeof o !== 'object' || o === null)
            return o;
        const keys = Object.keys(o);
        const mapped = Object.fromEntries(keys.map((k) => [k, arrays(o[k])]));
        return keys.length && keys.every((k) => /^\d+$/.test(k))
            ? keys.sort((x, y) => +x - +y).map((k) => mapped[k])
            : mapped;
    };
    return arrays(root);
}
const id = (prefix) => `${prefix}_${(0, node_crypto_1.randomBytes)(8).toString('hex')}`;
class FakeStripe {
    requests = [];
    customers = new Map();
    sessions = new Map();
    invoices = new Map();
    paymentIntents = new Map();
    refunds = new Map();
    failNext = 0;
    idempotent = new Map();
    lostResponses = new Map();
    server;
    async start() {
        this.server = (0, node_http_1.createServer)((req, res) => void this.handle(req, res));
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        const { port } = this.server.address();
        return { host: '127.0.0.1', port, url: `http://127.0.0.1:${port}` };
    }
    stop() {
        return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    }
    loseNextResponse(route, times = 1) {
        this.lostResponses.set(route, times);
    }
    markPaid(invoiceId) {
        const inv = this.invoices.get(invoiceId);
        if (!inv)
            return;
        const pi = {
            id: id('pi'),
            object: 'payment_intent',
            amount: inv.amount_due,
            amount_refunded: 0,
            currency: inv.currency,
            status: 'succeeded',
        };
        this.paymentIntents.set(pi.id, pi);
        Object.assign(inv, {
            status: 'paid',
            amount_paid: inv.amount_due,
            amount_remaining: 0,
            payments: {
                object: 'list',
                has_more: false,
                data: [
                    {
                        id: id('inpay'),
                        object: 'invoice_payment',
                        status: 'paid',
                        amount_paid: inv.amount_due,
                        payment: { type: 'payment_intent', payment_intent: pi.id },
                    },
                ],
            },
        });
    }
    async handle(req, res) {
        const chunks = [];
        for await (const c of req)
            chunks.push(c);
        const url = new URL(req.url ?? '/', 'http://fake');
        const body = parseStripeForm(Buffer.concat(chunks).toString('utf8'));
        const key = req.headers['idempotency-key'];
        this.requests.push({ method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey: key });
        const send = (status, payload) => {
            res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
            res.end(JSON.stringify(payload));
        };
        if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_'))
            return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
        if (this.failNext > 0) {
            this.failNext--;
            return send(500, { error: { type: 'api_error', message: 'Simulated outage' } });
        }
        if (key && this.idempotent.has(`${req.method} ${url.pathname} ${key}`)) {
            const hit = this.idempotent.get(`${req.method} ${url.pathname} ${key}`);
            return send(hit.status, hit.body);
        }
        const [status, payload] = this.route(req.method ?? 'GET', url.pathname, {
            ...Object.fromEntries(url.searchParams),
            ...body,
        });
        if (key && status < 500)
            this.idempotent.set(`${req.method} ${url.pathname} ${key}`, { status, body: payload });
        const route = `${req.method} ${url.pathname}`;
        const lost = this.lostResponses.get(route) ?? 0;
        if (lost > 0) {
            this.lostResponses.set(route, lost - 1);
            return send(500, { error: { type: 'api_error', message: 'Simulated lost response' } });
        }
        send(status, payload);
    }
    route(method, path, body) {
        const notFound = [
            404,
            { error: { type: 'invalid_request_error', message: `No such resource: ${path}` } },
        ];
        const invalid = (message) => ({ error: { type: 'invalid_request_error', message } });
        let m;
        if (method === 'POST' && path === '/v1/customers') {
            const c = { id: id('cus'), object: 'customer', ...body };
            this.customers.set(c.id, c);
            return [200, c];
        }
        if (method === 'POST' && (m = path.match(/^\/v1\/customers\/([^/]+)$/))) {
            const c = this.customers.get(m[1]);
            if (!c)
                return notFound;
            Object.assign(c, body);
            return [200, c];
        }
        if (method === 'POST' && path === '/v1/checkout/sessions') {
            if (!body.customer || !body.mode || !body.success_url)
                return [400, { error: { type: 'invalid_request_error', message: 'Missing required param' } }];
            const s = {
                id: id('cs_test'),
                object: 'checkout.session',
                url: `https://checkout.stripe.test/${id('pay')}`,
                status: 'open',
                ...body,
            };
            this.sessions.set(s.id, s);
            return [200, s];
        }
        if (method === 'POST' && path === '/v1/invoices') {
            const inv = {
                id: id('in'),
                object: 'invoice',
                status: 'draft',
                lines: [],
                amount_due: 0,
                ...body,
            };
            this.invoices.set(inv.id, inv);
            return [200, inv];
        }
        if (method === 'POST' && path === '/v1/invoiceitems') {
            const inv = this.invoices.get(body.invoice);
            if (!inv)
                return notFound;
            if (inv.status !== 'draft')
                return [400, { error: { type: 'invalid_request_error', message: 'Invoice is not a draft' } }];
            const item = { id: id('ii'), object: 'invoiceitem', ...body, amount: Number(body.amount) };
            inv.lines.push(item);
            inv.amount_due += item.amount;
            return [200, item];
        }
        if (method === 'POST' && (m = path.match(/^\/v1\/invoices\/([^/]+)\/finalize$/))) {
            const inv = this.invoices.get(m[1]);
            if (!inv)
                return notFound;
            Object.assign(inv, { status: 'open', hosted_invoice_url: `https://invoice.stripe.test/${inv.id}` });
            return [200, inv];
        }
        if (method === 'POST' && (m = path.match(/^\/v1\/invoices\/([^/]+)\/void$/))) {
            const inv = this.invoices.get(m[1]);
            if (!inv)
                return notFound;
            if (inv.status !== 'open' && inv.status !== 'uncollectible')
                return [400, invalid(`You can only void open invoices (this one is ${inv.status})`)];
            inv.status = 'void';
            return [200, inv];
        }
        if (method === 'POST' && path === '/v1/refunds') {
            const pi = this.paymentIntents.get(body.payment_intent);
            if (!pi)
                return [400, invalid('Refunds here need a known payment_intent')];
            const amount = body.amount === undefined ? pi.amount - pi.amount_refunded : Number(body.amount);
            if (!Number.isInteger(amount) || amount <= 0 || amount > pi.amount - pi.amount_refunded)
                return [400, invalid(`Refund amount ${body.amount} exceeds what is refundable`)];
            pi.amount_refunded += amount;
            const refund = {
                id: id('re'),
                object: 'refund',
                status: 'succeeded',
                currency: pi.currency,
                metadata: {},
                ...body,
                amount,
            };
            this.refunds.set(refund.id, refund);
            return [200, refund];
        }
        if (method === 'GET' && path === '/v1/refunds') {
            const data = [...this.refunds.values()].filter((r) => !body.payment_intent || r.payment_intent === body.payment_intent);
            return [200, { object: 'list', url: '/v1/refunds', has_more: false, data }];
        }
        if (method === 'GET' && (m = path.match(/^\/v1\/invoices\/([^/]+)$/))) {
            const inv = this.invoices.get(m[1]);
            return inv ? [200, inv] : notFound;
        }
        return notFound;
    }
}
exports.FakeStripe = FakeStripe;
//# sourceMappingURL=fake-stripe.js.map