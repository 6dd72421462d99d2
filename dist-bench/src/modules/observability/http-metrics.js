"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpDurationHistogram = exports.HTTP_IN_FLIGHT = exports.HTTP_DURATION = void 0;
exports.installHttpHooks = installHttpHooks;
const prom_client_1 = require("prom-client");
exports.HTTP_DURATION = 'http_request_duration_seconds';
exports.HTTP_IN_FLIGHT = 'http_requests_in_flight';
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
class HttpDurationHistogram {
    name = exports.HTTP_DURATION;
    help = 'HTTP request duration in seconds, by method, route template and status';
    type = 'histogram';
    aggregator = 'sum';
    series = new Map();
    observe(method, route, status, seconds) {
        const key = `${method} ${status} ${route}`;
        let s = this.series.get(key);
        if (!s) {
            s = {
                labels: { method, route, status: String(status) },
                counts: new Array(BUCKETS.length + 1).fill(0),
                sum: 0,
                count: 0,
            };
            this.series.set(key, s);
        }
        let i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i])
            i++;
        s.counts[i]++;
        s.sum += seconds;
        s.count++;
    }
    get() {
        const values = [];
        for (const s of this.series.values()) {
            let cumulative = 0;
            BUCKETS.forEach((le, i) => {
                cumulative += s.counts[i];
                values.push({ metricName: `${this.name}_bucket`, labels: { le, ...s.labels }, value: cumulative });
            });
            values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...s.labels }, value: s.count });
            values.push({ metricName: `${this.name}_sum`, labels: s.labels, value: s.sum });
            values.push({ metricName: `${this.name}_count`, labels: s.labels, value: s.count });
        }
        return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
    }
    reset() {
        this.series.clear();
    }
}
exports.HttpDurationHistogram = HttpDurationHistogram;
const inFlight = { count: 0 };
const COUNTED = Symbol('countedInFlight');
function installHttpHooks(fastify, logger, registry = prom_client_1.register) {
    const existing = registry.getSingleMetric(exports.HTTP_DURATION);
    const histogram = existing ?? new HttpDurationHistogram();
    if (!existing)
        registry.registerMetric(histogram);
    if (!registry.getSingleMetric(exports.HTTP_IN_FLIGHT)) {
        new prom_client_1.Gauge({
            name: exports.HTTP_IN_FLIGHT,
            help: 'HTTP requests being served',
            registers: [registry],
            collect() {
                this.set(inFlight.count);
            },
        });
    }
    fastify.decorateRequest(COUNTED, false);
    fastify.addHook('onRequest', (request, reply, done) => {
        inFlight.count++;
        request[COUNTED] = true;
        void reply.header('x-request-id', request.id);
        done();
    });
    const finish = (request) => {
        if (!request[COUNTED])
            return;
        request[COUNTED] = false;
        inFlight.count--;
    };
    fastify.addHook('onRequestAbort', (request, done) => {
        finish(request);
        done();
    });
    fastify.addHook('onResponse', (request, reply, done) => {
        finish(request);
        const route = request.routeOptions.url ?? 'unmatched';
        const seconds = reply.elapsedTime / 1000;
        histogram.observe(request.method, route, reply.statusCode, seconds);
        if (route !== '/metrics' && !route.startsWith('/health')) {
            logger.info({
                requestId: request.id,
                tenantId: request.raw.tenantId,
                method: request.method,
                route,
                status: reply.statusCode,
                durationMs: Math.round(reply.elapsedTime * 100) / 100,
            }, 'request completed');
        }
        done();
    });
}
//# sourceMappingURL=http-metrics.js.map