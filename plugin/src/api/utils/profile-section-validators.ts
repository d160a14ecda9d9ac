import { z } from "@medusajs/framework/zod"
import { CUSTOM_FIELD_TARGET_TYPES } from "../../modules/custom-fields"
import { addressFields, optionalText, text } from "./business-profile-validators"
import { customFieldValues } from "./profile-validators"

/** "Same as booking address", or the separate billing address. */
export const BillingAddressUpdate = z.discriminatedUnion(
  "same_as_booking",
  [
    z.object({ same_as_booking: z.literal(true) }).strict(),
    z
      .object({
        same_as_booking: z.literal(false),
        address: z
          .object({
            first_name: optionalText("first_name", 100),
            last_name: optionalText("last_name", 100),
            company: optionalText("company", 200),
            phone: optionalText("phone", 50),
            ...addressFields,
          })
          .strict(),
      })
      .strict(),
  ],
  { error: "same_as_booking must be true, or false with the billing address" }
)
export type BillingAddressUpdateType = z.infer<typeof BillingAddressUpdate>

const dependentFields = {
  name: text("name", 100),
  notes: optionalText("notes", 2000),
  custom_fields: customFieldValues,
}

export const DependentCreate = z
  .object({ type_id: z.string({ error: "type_id is required: choose what you are adding" }).trim().min(1, "type_id cannot be empty"), ...dependentFields })
  .partial({ notes: true, custom_fields: true })
  .strict()
export const DependentUpdate = z.object(dependentFields).partial().strict()
export type DependentCreateType = z.infer<typeof DependentCreate>
export type DependentUpdateType = z.infer<typeof DependentUpdate>

// Staff settings.

/** The definition is checked in full (types, options, bounds) by the workflow. */
export const CustomFieldCreate = z.record(z.string(), z.unknown(), { error: "Send the field definition as an object" })
/** Key, type and target cannot change once a field exists (Medusa answers "Unrecognized fields"). */
export const CustomFieldUpdate = z
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
export type CustomFieldUpdateType = z.infer<typeof CustomFieldUpdate>

export const CustomFieldList = z
  .object({
    target_type: z.enum(CUSTOM_FIELD_TARGET_TYPES, { error: 'target_type must be "customer" or "dependent_type"' }).default("customer"),
    target_id: z.string().trim().min(1).optional(),
  })
  .refine((query) => query.target_type === "customer" || !!query.target_id, {
    message: "target_id is required for dependent type fields",
  })
export type CustomFieldListType = z.infer<typeof CustomFieldList>

/** Deleting something that holds customers' data needs `?confirm=true`. */
export const ConfirmDelete = z.object({
  confirm: z
    .enum(["true", "false"], { error: "confirm must be true or false" })
    .optional()
    .transform((value) => value === "true"),
})
export type ConfirmDeleteType = z.infer<typeof ConfirmDelete>

export const MAX_RANK = 1_000_000

const dependentTypeFields = {
  label_singular: text("label_singular", 50),
  label_plural: text("label_plural", 50),
  // Bounded: a larger number can't mean a position and would overflow the database column.
  rank: z
    .number({ error: "rank must be a number" })
    .int("rank must be a whole number")
    .min(0, "rank cannot be negative")
    .refine((rank) => rank <= MAX_RANK, `rank must be at most ${MAX_RANK}`),
}
export const DependentTypeCreate = z.object(dependentTypeFields).partial({ rank: true }).strict()
export const DependentTypeUpdate = z.object(dependentTypeFields).partial().strict()
export type DependentTypeCreateType = z.infer<typeof DependentTypeCreate>
export type DependentTypeUpdateType = z.infer<typeof DependentTypeUpdate>

export const CustomerTagList = z.object({
  q: z.string().trim().max(50).optional(),
})
export type CustomerTagListType = z.infer<typeof CustomerTagList>
