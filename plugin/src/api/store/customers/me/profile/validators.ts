import { z } from "@medusajs/framework/zod"
import { PROFILE_KINDS } from "../../../../../modules/customer-profile/models/customer-profile"

// What a customer may change about their own profile. Status is staff-only.
export const StoreUpdateProfile = z
  .object({
    kind: z.enum(PROFILE_KINDS, {
      error: "kind must be either 'personal' or 'business'",
    }),
  })
  .partial()
  .strict()

export type StoreUpdateProfileType = z.infer<typeof StoreUpdateProfile>
