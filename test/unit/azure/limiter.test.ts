import * as assert from 'node:assert/strict';
import { createLimiter } from '../../../src/core/azure/limiter';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('azure/limiter', () => {
  it('never runs more than the cap at once, and runs everything', async () => {
    const limiter = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick(2);
          running -= 1;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(
      results,
      Array.from({ length: 12 }, (_, i) => i),
    );
    assert.equal(limiter.active, 0);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await assert.rejects(
      limiter.run(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });

  it('does not let a newcomer jump the queue when a slot frees', async () => {
    const limiter = createLimiter(1);
    let running = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      running += 1;
      peak = Math.max(peak, running);
      await tick(1);
      running -= 1;
    };
    const first = limiter.run(task);
    const second = limiter.run(task);
    await first;
    const third = limiter.run(task); // arrives while `second` is being handed the slot
    await Promise.all([second, third]);
    assert.equal(peak, 1);
  });
});
