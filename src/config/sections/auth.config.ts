import { z } from 'zod';

/** Auth module settings. Owned by the auth module; add variables here and to .env.example. */
export const authConfigSchema = z.object({});

export const authConfig = (_env: z.infer<typeof authConfigSchema>) => ({});
