/** @module The data key's row in the `vaultMeta` table: the key wrapped by the device key or by a passphrase. */
import { z } from 'zod';
import { PBKDF2_MAX_ITERATIONS } from './aes-gcm';

const bytesSchema = z.instanceof(Uint8Array);

export const DATA_KEY_RECORD_ID = 'dataKey';

export const dataKeyRecordSchema = z.discriminatedUnion('wrappedBy', [
  z.object({
    id: z.literal(DATA_KEY_RECORD_ID),
    wrappedBy: z.literal('device'),
    iv: bytesSchema,
    data: bytesSchema,
  }),
  z.object({
    id: z.literal(DATA_KEY_RECORD_ID),
    wrappedBy: z.literal('passphrase'),
    iv: bytesSchema,
    data: bytesSchema,
    salt: bytesSchema,
    iterations: z.number().int().min(1).max(PBKDF2_MAX_ITERATIONS),
    /** Idle time after which the unlocked data key is dropped; null: only an explicit lock or a restart. */
    autoLockMs: z.number().int().positive().nullable(),
  }),
]);
export type DataKeyRecord = z.infer<typeof dataKeyRecordSchema>;
