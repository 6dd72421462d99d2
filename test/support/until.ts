/**
 * Polls `fn` every 100 ms until `ok` accepts its value or `timeoutMs` has passed, and returns the last
 * value either way, so the test's own assertion on it says what was expected.
 */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
