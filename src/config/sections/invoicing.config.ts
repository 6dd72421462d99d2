import { z } from 'zod';

/** Invoicing module settings. Owned by the invoicing module; add variables here and to .env.example. */
export const invoicingConfigSchema = z.object({});

export const invoicingConfig = (_env: z.infer<typeof invoicingConfigSchema>) => ({});
