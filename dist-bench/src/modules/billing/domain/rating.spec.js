"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const fast_check_1 = __importDefault(require("fast-check"));
const money_1 = require("../../../shared/domain/money");
const rating_1 = require("./rating");
const TIERS = [
    { upTo: '100', unitAmount: '1' },
    { upTo: '1000', unitAmount: '0.5' },
    { upTo: null, unitAmount: '0.1', flatAmount: '10' },
];
describe('price models (hand-computed)', () => {
    it.each([
        ['0', '0'],
        ['1', '1'],
        ['100', '100'],
        ['101', '100.5'],
        ['1000', '550'],
        ['1001', '560.1'],
        ['2000', '660'],
    ])('graduated %s units = %s', (q, expected) => {
        expect((0, rating_1.graduatedAmount)((0, money_1.dec)(q), TIERS).toString()).toBe(expected);
    });
    it.each([
        ['0', '0'],
        ['100', '100'],
        ['101', '50.5'],
        ['1000', '500'],
        ['1001', '110.1'],
    ])('volume %s units = %s', (q, expected) => {
        expect((0, rating_1.volumeAmount)((0, money_1.dec)(q), TIERS).toString()).toBe(expected);
    });
    it.each([
        ['0', '0'],
        ['1', '5'],
        ['1000', '5'],
        ['1001', '10'],
        ['2500', '15'],
    ])('package of 1000 at 5: %s units = %s', (q, expected) => {
        expect((0, rating_1.packageAmount)((0, money_1.dec)(q), '1000', '5').toString()).toBe(expected);
    });
    it.each([
        ['0', 0, {}, '0'],
        ['1000', 10, { rate: '2.5' }, '25'],
        ['1000', 10, { rate: '2.5', fixedPerEvent: '0.30' }, '28'],
        ['10', 1, { rate: '2.5', min: '1' }, '1'],
        ['100000', 10, { rate: '2.5', max: '100' }, '100'],
    ])('percentage of %s over %d events %j = %s', (sum, events, p, expected) => {
        expect((0, rating_1.percentageAmount)((0, money_1.dec)(sum), events, { rate: '0', ...p }).toString()).toBe(expected);
    });
    it('per_unit keeps 12-decimal token prices exact', () => {
        expect((0, rating_1.priceAmount)({ model: 'per_unit', unitAmount: '0.000000150000' }, (0, money_1.dec)('1234567'), 1).toString()).toBe('0.18518505');
    });
    it('cost_plus multiplies the recorded cost', () => {
        expect((0, rating_1.priceAmount)({ model: 'cost_plus', multiplier: '1.3' }, (0, money_1.dec)('12.34'), 0).toString()).toBe('16.042');
    });
    it('outcome fee: 5% of 100 = 5, of 1 raised to min 1, of 1000 capped at 20', () => {
        const charge = { percentage: '5', minPerOutcome: '1', maxPerOutcome: '20' };
        expect((0, rating_1.outcomeFee)((0, money_1.dec)('100'), charge).toString()).toBe('5');
        expect((0, rating_1.outcomeFee)((0, money_1.dec)('1'), charge).toString()).toBe('1');
        expect((0, rating_1.outcomeFee)((0, money_1.dec)('1000'), charge).toString()).toBe('20');
    });
});
describe('price model properties (fast-check)', () => {
    const decimal = fast_check_1.default.integer({ min: 0, max: 10_000_000 }).map((n) => (0, money_1.dec)(n).div(100));
    const tiersArb = fast_check_1.default
        .array(fast_check_1.default.tuple(fast_check_1.default.integer({ min: 1, max: 10_000 }), fast_check_1.default.integer({ min: 0, max: 100_000 }), fast_check_1.default.integer({ min: 0, max: 1000 })), {
        minLength: 1,
        maxLength: 5,
    })
        .map((raw) => {
        let bound = 0;
        return raw.map(([width, price, flat], i) => {
            bound += width;
            return {
                upTo: i === raw.length - 1 ? null : String(bound),
                unitAmount: (0, money_1.dec)(price).div(10_000).toString(),
                flatAmount: (0, money_1.dec)(flat).div(100).toString(),
            };
        });
    });
    it('graduated pricing is monotone in quantity', () => {
        fast_check_1.default.assert(fast_check_1.default.property(tiersArb, decimal, decimal, (tiers, a, b) => {
            const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
            return (0, rating_1.graduatedAmount)(lo, tiers).lte((0, rating_1.graduatedAmount)(hi, tiers));
        }));
    });
    it('per_unit equals graduated with one unbounded tier', () => {
        fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.integer({ min: 0, max: 10 ** 9 }), decimal, (price, q) => {
            const unitAmount = (0, money_1.dec)(price)
                .div(10 ** 6)
                .toString();
            return (0, rating_1.priceAmount)({ model: 'per_unit', unitAmount }, q, 1).eq((0, rating_1.graduatedAmount)(q, [{ upTo: null, unitAmount }]));
        }));
    });
});
const base = (over = {}) => ({
    currency: 'USD',
    charges: [],
    minimumCommitment: null,
    seats: 1,
    billArrears: true,
    billAdvanceForNextPeriod: false,
    usage: {},
    outcomes: [],
    adjustments: [],
    coupons: [],
    taxRate: '0',
    ...over,
});
const usageCharge = (id, price, freeUnits) => ({
    id,
    kind: 'usage',
    name: id,
    metricCode: id,
    price,
    ...(freeUnits ? { freeUnits } : {}),
});
describe('rateSubscriptionPeriod (hand-computed)', () => {
    it('rates zero usage to a zero line', () => {
        const r = (0, rating_1.rateSubscriptionPeriod)(base({ charges: [usageCharge('calls', { model: 'per_unit', unitAmount: '0.01' })] }));
        expect(r.lines).toHaveLength(1);
        expect(r.lines[0]).toMatchObject({ kind: 'usage', quantity: '0', amount: '0.00' });
        expect(r.subtotal).toBe('0.00');
    });
    it('subtracts free units before pricing', () => {
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges: [usageCharge('tokens', { model: 'per_unit', unitAmount: '0.000002' }, '100000')],
            usage: { tokens: { quantity: '1350000', events: 10 } },
        }));
        expect(r.lines[0]).toMatchObject({ quantity: '1250000', amount: '2.50' });
    });
    it('rounds each line half-even and totals the rounded lines', () => {
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges: [
                usageCharge('a', { model: 'per_unit', unitAmount: '0.125' }),
                usageCharge('b', { model: 'per_unit', unitAmount: '0.135' }),
                usageCharge('c', { model: 'per_unit', unitAmount: '0.001' }),
            ],
            usage: {
                a: { quantity: '1', events: 1 },
                b: { quantity: '1', events: 1 },
                c: { quantity: '4', events: 4 },
            },
        }));
        expect(r.lines.map((l) => l.amount)).toEqual(['0.12', '0.14', '0.00']);
        expect(r.subtotal).toBe('0.26');
    });
    it('bills in-advance base and seats for the next period, arrears seats for this one', () => {
        const charges = [
            { id: 'base', kind: 'base', name: 'Platform', amount: '49', timing: 'advance' },
            { id: 'seat', kind: 'seat', name: 'Seats', unitAmount: '10', timing: 'arrears', freeSeats: '2' },
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({ charges, seats: 5, billAdvanceForNextPeriod: true }));
        expect(r.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
            ['base', '1', '49.00'],
            ['seat', '3', '30.00'],
        ]);
        expect(r.lines[0].description).toMatch(/next period/);
        const last = (0, rating_1.rateSubscriptionPeriod)(base({ charges, seats: 5, billAdvanceForNextPeriod: false }));
        expect(last.subtotal).toBe('30.00');
    });
    it('bills nothing but next-period advance fees in a trial period', () => {
        const charges = [
            { id: 'base', kind: 'base', name: 'Platform', amount: '49', timing: 'advance' },
            usageCharge('calls', { model: 'per_unit', unitAmount: '1' }),
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges,
            billArrears: false,
            billAdvanceForNextPeriod: true,
            usage: { calls: { quantity: '5', events: 5 } },
        }));
        expect(r.lines.map((l) => l.kind)).toEqual(['base']);
    });
    it('tops up to the minimum commitment (next-period advance fees do not count)', () => {
        const charges = [
            { id: 'base', kind: 'base', name: 'Platform', amount: '20', timing: 'advance' },
            usageCharge('calls', { model: 'per_unit', unitAmount: '1' }),
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges,
            minimumCommitment: '100',
            billAdvanceForNextPeriod: true,
            usage: { calls: { quantity: '30', events: 30 } },
        }));
        expect(r.lines.find((l) => l.kind === 'minimum_commitment')?.amount).toBe('70.00');
        expect(r.subtotal).toBe('120.00');
        const above = (0, rating_1.rateSubscriptionPeriod)(base({ charges, minimumCommitment: '10', usage: { calls: { quantity: '30', events: 30 } } }));
        expect(above.lines.some((l) => l.kind === 'minimum_commitment')).toBe(false);
    });
    it('includes proration adjustments as recorded (credits negative)', () => {
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            adjustments: [
                {
                    kind: 'proration',
                    description: 'Seats 5 → 8',
                    quantity: '3',
                    unitAmount: '5.161290322581',
                    amount: '15.483870967742',
                },
                {
                    kind: 'proration',
                    description: 'Unused Pro',
                    quantity: '1',
                    unitAmount: '-24.5',
                    amount: '-24.5',
                },
            ],
        }));
        expect(r.lines.map((l) => l.amount)).toEqual(['15.48', '-24.50']);
        expect(r.subtotal).toBe('-9.02');
        expect(r.totalBeforeCredits).toBe('-9.02');
    });
    it('applies coupons in order, never below zero, then tax on the discounted amount', () => {
        const charges = [
            { id: 'base', kind: 'base', name: 'Platform', amount: '100', timing: 'arrears' },
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges,
            taxRate: '20',
            coupons: [
                { redemptionId: 'r1', name: '10%', kind: 'percentage', percentOff: '10' },
                { redemptionId: 'r2', name: '$5', kind: 'fixed', amountOff: '5' },
                { redemptionId: 'r3', name: '$500', kind: 'fixed', amountOff: '500' },
            ],
        }));
        expect(r.lines.filter((l) => l.kind === 'discount').map((l) => l.amount)).toEqual([
            '-10.00',
            '-5.00',
            '-85.00',
        ]);
        expect(r.discountTotal).toBe('-100.00');
        expect(r.taxTotal).toBe('0.00');
        expect(r.totalBeforeCredits).toBe('0.00');
    });
    it('taxes half-even: 20% of 10.05 = 2.01', () => {
        const charges = [
            { id: 'base', kind: 'base', name: 'Platform', amount: '10.05', timing: 'arrears' },
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({ charges, taxRate: '20' }));
        expect([r.subtotal, r.taxTotal, r.totalBeforeCredits]).toEqual(['10.05', '2.01', '12.06']);
    });
    it('prices verified outcomes by percentage with per-outcome min/max and reports each fee', () => {
        const charges = [
            {
                id: 'o',
                kind: 'outcome',
                name: 'Deflections',
                outcomeType: 'deflection',
                percentage: '5',
                minPerOutcome: '1',
                maxPerOutcome: '20',
            },
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges,
            outcomes: [
                { id: 'a', type: 'deflection', value: '100' },
                { id: 'b', type: 'deflection', value: '1' },
                { id: 'c', type: 'deflection', value: '1000' },
                { id: 'd', type: 'other', value: '1000' },
            ],
        }));
        expect(r.lines[0]).toMatchObject({ kind: 'outcome', quantity: '3', amount: '26.00' });
        expect(r.outcomeFees).toEqual({ a: '5', b: '1', c: '20' });
    });
    it('uses the currency minor unit (JPY 0 decimals)', () => {
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            currency: 'JPY',
            charges: [usageCharge('calls', { model: 'per_unit', unitAmount: '2.5' })],
            usage: { calls: { quantity: '3', events: 3 } },
        }));
        expect(r.lines[0].amount).toBe('8');
        expect(r.subtotal).toBe('8');
    });
    it('rates a hybrid plan: base + seats + tiered tokens + outcome', () => {
        const charges = [
            { id: 'base', kind: 'base', name: 'Platform', amount: '99', timing: 'arrears' },
            { id: 'seat', kind: 'seat', name: 'Seats', unitAmount: '15', timing: 'arrears' },
            usageCharge('tok', { model: 'graduated', tiers: TIERS }),
            { id: 'o', kind: 'outcome', name: 'Sales', outcomeType: 'sale', percentage: '10' },
        ];
        const r = (0, rating_1.rateSubscriptionPeriod)(base({
            charges,
            seats: 3,
            usage: { tok: { quantity: '1001', events: 9 } },
            outcomes: [{ id: 's1', type: 'sale', value: '250' }],
        }));
        expect(r.lines.map((l) => l.amount)).toEqual(['99.00', '45.00', '560.10', '25.00']);
        expect(r.subtotal).toBe('729.10');
    });
});
//# sourceMappingURL=rating.spec.js.map