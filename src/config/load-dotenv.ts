import { config } from 'dotenv';

/** Local development convenience: `.env` in the working directory, never overriding real env vars. */
export function loadDotenv(): void {
  config({ quiet: true } as never);
}
