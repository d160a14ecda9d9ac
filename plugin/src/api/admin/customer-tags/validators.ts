import { z } from "@medusajs/framework/zod"
import { TAG_MAX_LENGTH } from "../../utils/common-validators/profile"
import { wholeNumber } from "../fieldworkers/validators"

export const AdminGetCustomerTagsParams = z
  .object({
    q: z.string().trim().max(TAG_MAX_LENGTH).optional(),
    limit: wholeNumber("limit", 1, 200).default(50),
    offset: wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
  })
  .strict()
export type AdminGetCustomerTagsParamsType = z.infer<typeof AdminGetCustomerTagsParams>

/** A tag as staff type it: trimmed, inner spaces made single (as the tag box saves it). */
const tagName = (field: string) =>
  z
    .string({ error: `${field} must be a tag's name` })
    .transform((tag) => tag.trim().replace(/\s+/g, " "))
    // Refinements keep these messages as written (Medusa rewrites plain length errors).
    .refine((tag) => tag.length > 0, `${field} cannot be empty`)
    .refine((tag) => tag.length <= TAG_MAX_LENGTH, `${field} must be at most ${TAG_MAX_LENGTH} characters`)

/** Settings → Customer tags → Rename: `to` may be a tag in use (a merge). */
export const AdminRenameCustomerTag = z
  .object({ from: tagName("from"), to: tagName("to") })
  .strict()
  .refine((body) => body.from !== body.to, { message: "to is the tag's name already: type a new name", path: ["to"] })
export type AdminRenameCustomerTagType = z.infer<typeof AdminRenameCustomerTag>

export const AdminDeleteCustomerTag = z.object({ tag: tagName("tag") }).strict()
export type AdminDeleteCustomerTagType = z.infer<typeof AdminDeleteCustomerTag>
