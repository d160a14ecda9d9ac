import { z } from "@medusajs/framework/zod"
import {
  PROFILE_KINDS,
  PROFILE_STATUSES,
} from "../../../../../modules/customer-profile/models/customer-profile"

export const AdminUpdateProfile = z
  .object({
    kind: z.enum(PROFILE_KINDS, {
      error: "kind must be either 'personal' or 'business'",
    }),
    status: z.enum(PROFILE_STATUSES, {
      error: "status must be one of 'active', 'blocked' or 'archived'",
    }),
  })
  .partial()
  .strict()

export type AdminUpdateProfileType = z.infer<typeof AdminUpdateProfile>
