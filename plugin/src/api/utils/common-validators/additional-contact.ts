import { z } from "@medusajs/framework/zod"
import { additionalContactName } from "@fieldservice/contract"
import { normalizeContactMethods } from "../../../modules/customer-profile/contact-details"

const MAX_EACH = 5

const fields = {
  name: additionalContactName("Enter the contact's name"),
  role: z
    .string({ error: "role must be text" })
    .trim()
    .max(100, "role must be at most 100 characters")
    .nullable()
    .transform((role) => role || null),
  emails: z.array(z.string({ error: "each email must be text" }), { error: "emails must be a list" }).max(MAX_EACH, `at most ${MAX_EACH} emails`),
  phones: z.array(z.string({ error: "each number must be text" }), { error: "phones must be a list" }).max(MAX_EACH, `at most ${MAX_EACH} phone numbers`),
}

/** Emails and numbers: valid, no duplicates; blanks dropped (an empty row in the form). */
function withContactDetails<T extends { emails?: string[]; phones?: string[] }>(value: T, ctx: z.RefinementCtx) {
  const emails = value.emails?.filter((email) => email.trim())
  const phones = value.phones?.filter((phone) => phone.trim())
  const result = normalizeContactMethods([
    ...(emails ?? []).map((email) => ({ kind: "email" as const, value: email })),
    ...(phones ?? []).map((phone) => ({ kind: "phone" as const, value: phone })),
  ])
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message })
    return z.NEVER
  }
  const byKind = (kind: "email" | "phone") => result.methods.filter((method) => method.kind === kind).map((method) => method.value)
  return {
    ...value,
    ...(emails !== undefined ? { emails: byKind("email") } : {}),
    ...(phones !== undefined ? { phones: byKind("phone") } : {}),
  }
}

export const AdditionalContactCreate = z
  .object({ ...fields, role: fields.role.optional(), emails: fields.emails.default([]), phones: fields.phones.default([]) })
  .strict()
  .transform(withContactDetails)
export const AdditionalContactUpdate = z.object(fields).partial().strict().transform(withContactDetails)

export type AdditionalContactCreateType = z.infer<typeof AdditionalContactCreate>
export type AdditionalContactUpdateType = z.infer<typeof AdditionalContactUpdate>
