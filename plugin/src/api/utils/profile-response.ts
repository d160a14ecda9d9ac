import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ensureCustomerProfileWorkflow } from "../../workflows/customer-profile/ensure-customer-profile"

const CUSTOMER_FIELDS = [
  "id",
  "kind",
  "status",
  "status_changed_at",
  "email_verified_at",
  "additional_names",
  "marketing_emails",
  "reminder_emails",
] as const
const STAFF_FIELDS = ["tax_exempt", "tax_rate_override", "payment_terms_days", "internal_notes"] as const

type ContactMethodRow = { id: string; kind: string; value: string; is_primary: boolean }

/**
 * The customer's profile in one query (profile, names, emails and numbers). The portal's
 * shape never carries the staff-only fields (internal notes, tax, payment terms).
 */
export async function loadProfile(scope: MedusaContainer, customerId: string, audience: "customer" | "staff") {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = audience === "staff" ? [...CUSTOMER_FIELDS, ...STAFF_FIELDS] : [...CUSTOMER_FIELDS]
  const read = async () =>
    (
      await query.graph({
        entity: "customer",
        fields: [
          "id",
          "first_name",
          "last_name",
          "email",
          ...fields.map((field) => `customer_profile.${field}`),
          "customer_profile.contact_methods.*",
        ],
        filters: { id: customerId },
      })
    ).data[0]
  let customer = await read()
  // Only customers who predate the plugin lack a profile: create it then, not on every read.
  if (customer && !customer.customer_profile) {
    await ensureCustomerProfileWorkflow(scope).run({ input: { customer_id: customerId } })
    customer = await read()
  }
  if (!customer?.customer_profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)
  const profile = customer.customer_profile as Record<string, unknown> & { contact_methods?: ContactMethodRow[] }
  const methods = (profile.contact_methods ?? [])
    .map(({ id, kind, value, is_primary }) => ({ id, kind, value, is_primary }))
    .sort((a, b) => Number(b.is_primary) - Number(a.is_primary) || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value))
  const shaped: Record<string, unknown> = Object.fromEntries(fields.map((field) => [field, profile[field] ?? null]))
  return {
    ...shaped,
    additional_names: (profile.additional_names as string[] | null) ?? [],
    first_name: customer.first_name,
    last_name: customer.last_name,
    account_email: customer.email,
    emails: methods.filter((method) => method.kind === "email"),
    phones: methods.filter((method) => method.kind !== "email"),
  }
}
