import { z } from "@medusajs/framework/zod"
import type { DuplicateCursor } from "../../../modules/customer-merge"
import { wholeNumber } from "../fieldworkers/validators"

const customerId = (label: string) =>
  z
    .string({ error: `${label} is required: the id of a customer (cus_…)` })
    .trim()
    .refine((value) => value.length > 0, `${label} is required: the id of a customer (cus_…)`)
    .refine((value) => value.length <= 100 && /^[A-Za-z0-9_-]+$/.test(value), `${label} must be a customer id like cus_01H…`)

/** The cursor is opaque to callers: base64url of { stage, key } as the previous page returned it. */
export const encodeDuplicateCursor = (cursor: DuplicateCursor | null) =>
  cursor ? Buffer.from(JSON.stringify([cursor.stage, cursor.key]), "utf8").toString("base64url") : null

function decodeDuplicateCursor(value: string): DuplicateCursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"))
    if (!Array.isArray(parsed) || parsed.length !== 2) return null
    const [stage, key] = parsed
    if (!Number.isInteger(stage) || stage < 0 || stage > 2 || typeof key !== "string" || key.length > 1000) return null
    return { stage, key }
  } catch {
    return null
  }
}

/** GET /admin/crm/duplicates: a page of suggested pairs. */
export const AdminGetDuplicatesParams = z
  .object({
    limit: wholeNumber("limit", 1, 100).default(20),
    /** next_cursor from the previous page. */
    cursor: z
      .string({ error: "cursor must be the next_cursor of the previous page" })
      .trim()
      .refine((value) => value.length <= 2000 && decodeDuplicateCursor(value) !== null, "cursor must be the next_cursor of the previous page")
      .transform((value) => decodeDuplicateCursor(value)!)
      .optional(),
  })
  .strict()
export type AdminGetDuplicatesParamsType = z.infer<typeof AdminGetDuplicatesParams>

const pair = z
  .object({
    primary_id: customerId("primary_id"),
    secondary_id: customerId("secondary_id"),
  })
  .strict()
  .refine((value) => value.primary_id !== value.secondary_id, {
    message: "A customer can't be merged with itself: choose two different customers",
    path: ["secondary_id"],
  })

/** GET /admin/crm/merges/preview?primary_id&secondary_id */
export const AdminGetMergePreviewParams = pair
export type AdminGetMergePreviewParamsType = z.infer<typeof AdminGetMergePreviewParams>

/** POST /admin/crm/merges { primary_id, secondary_id } */
export const AdminMergeCustomers = pair
export type AdminMergeCustomersType = z.infer<typeof AdminMergeCustomers>

/** A page of import jobs, newest first. */
export const AdminGetCustomerImportsParams = z.object({
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(100).default(10),
  offset: z.coerce.number({ error: "offset must be a number" }).int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
})
export type AdminGetCustomerImportsParamsType = z.infer<typeof AdminGetCustomerImportsParams>
