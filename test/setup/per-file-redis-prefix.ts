import { randomBytes } from 'node:crypto';

/**
 * Each test file gets its own Redis key prefix under the run's (global-teardown clears them all). The two
 * jest workers run files side by side: sharing one prefix, an app with workers in one file would take the
 * queued jobs, stream entries and cache invalidations of an app in the other, and act on them with its own
 * settings (its own mail relay, webhook receiver, clock). Apps within one file still share their prefix.
 */
const runPrefix = process.env.TEST_RUN_REDIS_KEY_PREFIX;
if (runPrefix) process.env.REDIS_KEY_PREFIX = `${runPrefix}_${randomBytes(3).toString('hex')}`;
