/**
 * @module What a catalog update may say, and nothing more: the data fields that go stale (models,
 * limits, defaults, capabilities, retirements, access, terms notes). Every object is strict, so an
 * update that names a base URL, a host, an auth scheme or anything else that decides where a key
 * is sent is refused as a whole; those change only with a release.
 */
import { z } from 'zod';

export const CATALOG_UPDATE_FORMAT = 'freellm-catalog-update';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a day, YYYY-MM-DD');
const asOf = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'Expected YYYY-MM or YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);

function sourced<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    source: text(500),
    asOf,
    note: text(1000).optional(),
    disputedBy: z.strictObject({ value: value.nullable(), source: text(500), asOf }).optional(),
  });
}

const count = sourced(z.number().int().nonnegative());
const accessSchema = sourced(z.enum(['free', 'trial-credit', 'paid']));

const freeTierLimitsSchema = z.strictObject({
  scope: z.enum(['key', 'account', 'model']),
  rpm: count.optional(),
  rpd: count.optional(),
  tpm: count.optional(),
  tpd: count.optional(),
  requestsPerMonth: count.optional(),
  tokensPerMonth: count.optional(),
  neuronsPerDay: count.optional(),
});

const modelSchema = z.strictObject({
  id: text(200),
  contextWindow: sourced(z.number().int().positive()),
  capabilities: z.strictObject({
    streaming: z.boolean(),
    tools: z.boolean(),
    vision: z.boolean(),
    jsonMode: z.boolean(),
  }),
  freeTier: freeTierLimitsSchema.optional(),
  tier: z.enum(['fast', 'smart']).optional(),
  access: accessSchema.optional(),
  retired: sourced(asOf).optional(),
  embedding: z
    .strictObject({
      dimensions: z.number().int().positive(),
      dimensionChoices: z.array(z.number().int().positive()).max(100).optional(),
      maxBatch: z.number().int().positive(),
    })
    .optional(),
});

export const catalogProviderDataSchema = z
  .strictObject({
    access: accessSchema,
    /** The free tier's one-line note and the limits shared by every model. */
    terms: z.strictObject({ note: text(2000), limits: freeTierLimitsSchema.optional() }),
    defaultModel: text(200),
    /** Empty for local servers: their own list is the truth. */
    models: z.array(modelSchema).max(1000),
  })
  .superRefine((provider, context) => {
    if (provider.models.length > 0 && !provider.models.some((model) => model.id === provider.defaultModel))
      context.addIssue({
        code: 'custom',
        path: ['defaultModel'],
        message: `The default model "${provider.defaultModel}" is not among the provider's models`,
      });
  });
export type CatalogProviderData = z.infer<typeof catalogProviderDataSchema>;

export const catalogUpdatePayloadSchema = z.strictObject({
  format: z.literal(CATALOG_UPDATE_FORMAT),
  formatVersion: z.literal(1),
  /** The day of the newest figure: an update older than the catalog in use is refused. */
  date: isoDay,
  /** When it was generated: orders two updates of the same day. */
  issuedAt: z.iso.datetime(),
  /** Who generated it (the build, a commit). */
  source: text(200),
  /** By built-in provider id; a provider left out keeps the built-in data. */
  providers: z.record(text(100), catalogProviderDataSchema),
});
export type CatalogUpdatePayload = z.infer<typeof catalogUpdatePayloadSchema>;

/** `catalog.json`: the payload as the exact text that was signed, and the signature (null: unsigned). */
export const catalogEnvelopeSchema = z.strictObject({
  payload: z.string().max(4_000_000),
  signature: z.base64().nullable(),
});
export type CatalogEnvelope = z.infer<typeof catalogEnvelopeSchema>;
