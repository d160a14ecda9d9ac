import { z } from "@medusajs/framework/zod"
import { text } from "../../utils/common-validators/business-profile"

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
export const AdminCreateDependentType = z.object(dependentTypeFields).partial({ rank: true }).strict()
export const AdminUpdateDependentType = z.object(dependentTypeFields).partial().strict()
export type AdminCreateDependentTypeType = z.infer<typeof AdminCreateDependentType>
export type AdminUpdateDependentTypeType = z.infer<typeof AdminUpdateDependentType>
