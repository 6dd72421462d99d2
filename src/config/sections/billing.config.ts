import { z } from 'zod';

/** Billing module settings. Owned by the billing module; add variables here and to .env.example. */
export const billingConfigSchema = z.object({});

export const billingConfig = (_env: z.infer<typeof billingConfigSchema>) => ({});
