/** @module A user-defined OpenAI-compatible endpoint. */
import { z } from 'zod';

export const customProviderSchema = z.object({
  id: z.string().regex(/^custom-[a-z0-9-]+$/),
  name: z.string().trim().min(1, 'Give the endpoint a name'),
  baseURL: z
    .url({ protocol: /^https?$/, message: 'Base URL must be an http(s) URL such as https://example.com/v1' })
    .transform((url) => url.replace(/\/+$/, '')),
  defaultModel: z.string().trim().min(1, 'Name the model to use by default'),
});
export type CustomProvider = z.infer<typeof customProviderSchema>;
