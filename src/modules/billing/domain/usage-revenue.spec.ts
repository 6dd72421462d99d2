import { Charge } from './plan';
import { callRevenue } from './usage-revenue';

const usage = (id: string, metricCode: string, price: any): Charge => ({
  id,
  kind: 'usage',
  name: id,
  metricCode,
  price,
});

describe('callRevenue', () => {
  const q = { promptTokens: 1000, completionTokens: 500, requests: 1 };

  it('prices per-unit charges on the built-in chat metrics exactly', () => {
    const charges = [
      usage('p', 'llm_prompt_tokens', { model: 'per_unit', unitAmount: '0.000002' }),
      usage('c', 'llm_completion_tokens', { model: 'per_unit', unitAmount: '0.000008' }),
      usage('r', 'agent_requests', { model: 'per_unit', unitAmount: '0.01' }),
    ];
    expect(callRevenue(charges, q).toFixed()).toBe('0.016');
  });

  it('adds a percentage charge with its fixed fee per event', () => {
    const charges = [
      usage('x', 'agent_requests', { model: 'percentage', rate: '50', fixedPerEvent: '0.25' }),
    ];
    expect(callRevenue(charges, q).toFixed()).toBe('0.75');
  });

  it('leaves period-dependent prices, other metrics and other charge kinds to the invoice', () => {
    const charges: Charge[] = [
      usage('g', 'llm_prompt_tokens', { model: 'graduated', tiers: [{ upTo: null, unitAmount: '1' }] }),
      usage('k', 'llm_prompt_tokens', { model: 'package', packageSize: '10', packageAmount: '1' }),
      usage('o', 'api_calls', { model: 'per_unit', unitAmount: '1' }),
      { id: 'b', kind: 'base', name: 'Base', amount: '99', timing: 'advance' },
    ];
    expect(callRevenue(charges, q).toFixed()).toBe('0');
  });

  it('counts nothing for a failed call on the requests metric', () => {
    const charges = [usage('r', 'agent_requests', { model: 'per_unit', unitAmount: '0.01' })];
    expect(callRevenue(charges, { ...q, requests: 0 }).toFixed()).toBe('0');
  });
});
