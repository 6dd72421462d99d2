import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installFastAsyncResourceBind } from './async-resource-bind';

describe('installFastAsyncResourceBind', () => {
  beforeAll(() => installFastAsyncResourceBind());

  it('runs the bound function in the async context it was bound in', async () => {
    const als = new AsyncLocalStorage<string>();
    const bound = als.run('request-1', () => AsyncResource.bind(() => als.getStore()));
    const other = await als.run('request-2', async () => bound());
    expect(other).toBe('request-1');
  });

  it('keeps this, arguments and length', () => {
    const resource = new AsyncResource('test');
    function add(this: { base: number }, a: number, b: number) {
      return this.base + a + b;
    }
    // Node's own signature takes thisArg too; @types/node leaves it out.
    const bindWith = resource.bind.bind(resource) as unknown as (
      fn: typeof add,
      thisArg: unknown,
    ) => typeof add;
    const withThis = bindWith(add, { base: 10 });
    expect(withThis.call({ base: 0 }, 1, 2)).toBe(13);
    expect(withThis.length).toBe(2);
    const callerThis = resource.bind(add);
    expect(callerThis.call({ base: 100 }, 1, 2)).toBe(103);
    // (message only: in a full run another test file may have installed it, from another realm)
    expect(() => resource.bind(42 as never)).toThrow(/must be of type function/);
  });

  it('is installed once', () => {
    const first = AsyncResource.prototype.bind;
    installFastAsyncResourceBind();
    expect(AsyncResource.prototype.bind).toBe(first);
  });
});
