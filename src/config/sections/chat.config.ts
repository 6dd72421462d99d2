import { z } from 'zod';

/** Chat module settings. Owned by the chat module; add variables here and to .env.example. */
export const chatConfigSchema = z.object({});

export const chatConfig = (_env: z.infer<typeof chatConfigSchema>) => ({});
