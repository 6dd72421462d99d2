"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const prom_client_1 = require("prom-client");
const http_metrics_1 = require("./http-metrics");
describe('HttpDurationHistogram', () => {
    it('exposes cumulative buckets, +Inf, sum and count per label set in Prometheus format', async () => {
        const histogram = new http_metrics_1.HttpDurationHistogram();
        const registry = new prom_client_1.Registry();
        registry.registerMetric(histogram);
        histogram.observe('GET', '/a', 200, 0.0005);
        histogram.observe('GET', '/a', 200, 0.001);
        histogram.observe('GET', '/a', 200, 0.002);
        histogram.observe('GET', '/a', 200, 40);
        histogram.observe('POST', '/a', 500, 0.3);
        const text = await registry.metrics();
        const line = (le) => `http_request_duration_seconds_bucket{le="${le}",method="GET",route="/a",status="200"}`;
        expect(text).toContain('# TYPE http_request_duration_seconds histogram');
        expect(text).toContain(`${line('0.001')} 2`);
        expect(text).toContain(`${line('0.0025')} 3`);
        expect(text).toContain(`${line('30')} 3`);
        expect(text).toContain(`${line('+Inf')} 4`);
        expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/a",status="200"} 4');
        expect(text).toMatch(/http_request_duration_seconds_sum\{method="GET",route="\/a",status="200"\} 40\.0035/);
        expect(text).toContain('http_request_duration_seconds_bucket{le="0.25",method="POST",route="/a",status="500"} 0');
        expect(text).toContain('http_request_duration_seconds_bucket{le="0.5",method="POST",route="/a",status="500"} 1');
    });
});
//# sourceMappingURL=http-metrics.spec.js.map