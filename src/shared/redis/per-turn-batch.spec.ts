import type Redis from 'ioredis';
import { PerTurnBatch } from './per-turn-batch';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('PerTurnBatch', () => {
  const recording = (fail?: Error) => {
    const runs: number[][] = [];
    const batch = new PerTurnBatch<number, number>(
      async (items) => {
        runs.push(items);
        if (fail) throw fail;
        return items.map((n) => n * 10);
      },
      { maxItems: 3 },
    );
    return { runs, batch };
  };

  it('runs the calls of one turn together, in call order, and hands each its own result', async () => {
    const { runs, batch } = recording();
    const results = await Promise.all([batch.call(1), batch.call(2)]);
    expect(runs).toEqual([[1, 2]]);
    expect(results).toEqual([10, 20]);
  });

  it('starts a new batch in a later turn', async () => {
    const { runs, batch } = recording();
    const first = batch.call(1);
    await nextTurn();
    const second = batch.call(2);
    expect(await Promise.all([first, second])).toEqual([10, 20]);
    expect(runs).toEqual([[1], [2]]);
  });

  it('sends a full batch at once and the rest of the turn in the next one', async () => {
    const { runs, batch } = recording();
    const calls = [1, 2, 3, 4].map((n) => batch.call(n));
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await Promise.all(calls)).toEqual([10, 20, 30, 40]);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('fails every call of a batch that fails, with its error', async () => {
    const failure = new Error('Connection is closed.');
    const { batch } = recording(failure);
    const outcomes = await Promise.allSettled([batch.call(1), batch.call(2)]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('fails the calls when the run throws before returning a promise', async () => {
    const batch = new PerTurnBatch<number, number>(() => {
      throw new Error('bad arguments');
    });
    await expect(batch.call(1)).rejects.toThrow('bad arguments');
  });

  it('sends the batches of one turn on one connection between one cork and one uncork of its socket', async () => {
    const events: string[] = [];
    const connection = {
      stream: { cork: () => events.push('cork'), uncork: () => events.push('uncork') },
    } as unknown as Redis;
    const batch = (name: string) =>
      new PerTurnBatch<number, number>(
        async (items) => {
          events.push(`${name} ${items.join(',')}`);
          return items;
        },
        { connection },
      );
    const admit = batch('admit');
    const append = batch('append');
    await Promise.all([admit.call(1), append.call(2), admit.call(3)]);
    expect(events).toEqual(['cork', 'admit 1,3', 'append 2', 'uncork']);
  });
});
