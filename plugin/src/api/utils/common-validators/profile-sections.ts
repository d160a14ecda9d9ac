import { z } from "@medusajs/framework/zod"
import { checkPostcode, dependentName, withNormalPostcode } from "@fieldservice/contract"
import { addressFields, optionalText } from "./business-profile"
import { customFieldValues } from "./profile"

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
          .strict()
          .superRefine(checkPostcode)
          .transform(withNormalPostcode),
      })
      .strict(),
  ],
  { error: "same_as_booking must be true, or false with the billing address" }
)
export type BillingAddressUpdateType = z.infer<typeof BillingAddressUpdate>

const dependentFields = {
  name: dependentName,
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

/** Deleting something that holds customers' data needs `?confirm=true`. */
export const AdminConfirmDeleteParams = z.object({
  confirm: z
    .enum(["true", "false"], { error: "confirm must be true or false" })
    .optional()
    .transform((value) => value === "true"),
})
export type AdminConfirmDeleteParamsType = z.infer<typeof AdminConfirmDeleteParams>
