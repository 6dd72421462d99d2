import { Registry } from 'prom-client';
import { HttpDurationHistogram } from './http-metrics';

describe('HttpDurationHistogram', () => {
  it('exposes cumulative buckets, +Inf, sum and count per label set in Prometheus format', async () => {
    const histogram = new HttpDurationHistogram();
    const registry = new Registry();
    registry.registerMetric(histogram as never);
    histogram.observe('GET', '/a', 200, 0.0005);
    histogram.observe('GET', '/a', 200, 0.001); // on a bound: counts in that bucket (le is inclusive)
    histogram.observe('GET', '/a', 200, 0.002);
    histogram.observe('GET', '/a', 200, 40); // above the last bound: only +Inf
    histogram.observe('POST', '/a', 500, 0.3);

    const text = await registry.metrics();
    const line = (le: string) =>
      `http_request_duration_seconds_bucket{le="${le}",method="GET",route="/a",status="200"}`;
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain(`${line('0.001')} 2`);
    expect(text).toContain(`${line('0.0025')} 3`);
    expect(text).toContain(`${line('30')} 3`);
    expect(text).toContain(`${line('+Inf')} 4`);
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/a",status="200"} 4');
    expect(text).toMatch(
      /http_request_duration_seconds_sum\{method="GET",route="\/a",status="200"\} 40\.0035/,
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.25",method="POST",route="/a",status="500"} 0',
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.5",method="POST",route="/a",status="500"} 1',
    );
  });
});
