import { Foundation1764000000000 } from './1764000000000-Foundation';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the CLI and the tests load the
 * same classes whether running from TypeScript or compiled JavaScript. Append new ones at the end.
 */
export const ALL_MIGRATIONS = [Foundation1764000000000];
