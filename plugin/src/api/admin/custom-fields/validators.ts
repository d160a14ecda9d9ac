import { z } from "@medusajs/framework/zod"
import { CUSTOM_FIELD_TARGET_TYPES } from "@fieldservice/contract"

/** The definition is checked in full (types, options, bounds) by the workflow. */
export const AdminCreateCustomField = z.record(z.string(), z.unknown(), { error: "Send the field definition as an object" })
/** Key, type and target cannot change once a field exists (Medusa answers "Unrecognized fields"). */
export const AdminUpdateCustomField = z
  .object({
    label: z.unknown(),
    required: z.unknown(),
    visibility: z.unknown(),
    rank: z.unknown(),
    help_text: z.unknown(),
    config: z.unknown(),
  })
  .partial()
  .strict()
export type AdminUpdateCustomFieldType = z.infer<typeof AdminUpdateCustomField>

export const AdminGetCustomFieldsParams = z
  .object({
    target_type: z.enum(CUSTOM_FIELD_TARGET_TYPES, { error: 'target_type must be "customer" or "dependent_type"' }).default("customer"),
    target_id: z.string().trim().min(1).optional(),
  })
  .refine((query) => query.target_type === "customer" || !!query.target_id, {
    message: "target_id is required for dependent type fields",
  })
export type AdminGetCustomFieldsParamsType = z.infer<typeof AdminGetCustomFieldsParams>
