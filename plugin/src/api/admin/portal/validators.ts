import { z } from "@medusajs/framework/zod"

export const AdminUpdatePortalSettings = z
  .object({
    portal_enabled: z.boolean({ error: "portal_enabled must be true or false" }),
    closed_message: z
      .string({ error: "closed_message must be text" })
      .trim()
      .min(1, "closed_message cannot be empty")
      .max(1000, "closed_message must be at most 1000 characters"),
    dependents_enabled: z.boolean({ error: "dependents_enabled must be true or false" }),
  })
  .partial()
  .strict()
export type AdminUpdatePortalSettingsType = z.infer<typeof AdminUpdatePortalSettings>
