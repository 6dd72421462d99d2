import { z } from 'zod';

/** Webhooks module settings. Owned by the webhooks module; add variables here and to .env.example. */
export const webhooksConfigSchema = z.object({});

export const webhooksConfig = (_env: z.infer<typeof webhooksConfigSchema>) => ({});
