import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { ensureCustomerProfileWorkflow } from "../../workflows/customer-profile/ensure-customer-profile"
import { definitionsFor, withValues } from "./custom-field-response"
import { dependentTypesWithFields, presentDependents, type DependentRow } from "./dependents-response"
import { privateFileUrl } from "./private-files"

const CUSTOMER_FIELDS = [
  "id",
  "kind",
  "status",
  "status_changed_at",
  "email_verified_at",
  "additional_names",
  "marketing_emails",
  "reminder_emails",
  "picture_url",
  "billing_same_as_booking",
] as const
const STAFF_FIELDS = ["tax_exempt", "tax_rate_override", "payment_terms_days", "internal_notes", "tags"] as const

const ADDRESS_FIELDS = [
  "id",
  "address_name",
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "phone",
  "is_default_billing",
  "is_default_shipping",
] as const

const BUSINESS_PROFILE_FIELDS = [
  "id",
  "name",
  "billing_email",
  "tax_id",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "created_at",
] as const

const ACTIVITY_SHOWN = 50

type ContactMethodRow = { id: string; kind: string; value: string; is_primary: boolean }
type AdditionalContactRow = { id: string; name: string; role: string | null; emails: string[]; phones: string[]; created_at: string | Date }
type AddressRow = Record<(typeof ADDRESS_FIELDS)[number], unknown> & { is_default_billing: boolean }

const byCreated = <T extends { created_at?: string | Date | null }>(a: T, b: T) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime()

/**
 * The customer's whole profile in one query over the links (customer, profile, emails and
 * numbers, contacts, addresses, and for staff business profiles and dependents), plus the
 * custom field values. The portal's shape never carries the staff-only parts.
 */
export async function loadProfile(scope: MedusaContainer, customerId: string, audience: "customer" | "staff") {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const staff = audience === "staff"
  const fields = staff ? [...CUSTOMER_FIELDS, ...STAFF_FIELDS] : [...CUSTOMER_FIELDS]
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
          "customer_profile.picture_file_id",
          "customer_profile.contact_methods.*",
          "customer_profile.additional_contacts.*",
          ...ADDRESS_FIELDS.map((field) => `addresses.${field}`),
          ...(staff
            ? [
                ...BUSINESS_PROFILE_FIELDS.map((field) => `business_profiles.${field}`),
                "dependents.id",
                "dependents.name",
                "dependents.notes",
                "dependents.photo_file_id",
                "dependents.created_at",
                "dependents.type.id",
              ]
            : []),
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

  const profile = customer.customer_profile as Record<string, unknown> & {
    contact_methods?: ContactMethodRow[]
    additional_contacts?: AdditionalContactRow[]
  }
  const methods = (profile.contact_methods ?? [])
    .map(({ id, kind, value, is_primary }) => ({ id, kind, value, is_primary }))
    .sort((a, b) => Number(b.is_primary) - Number(a.is_primary) || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value))
  const addresses = ((customer.addresses ?? []) as unknown as AddressRow[]).map((address) =>
    Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field] ?? null]))
  ) as AddressRow[]

  const customFields: CustomFieldsModuleService = scope.resolve(CUSTOM_FIELDS_MODULE)
  const [definitions, values] = await Promise.all([
    definitionsFor(scope, { target_type: "customer" }, audience),
    customFields.valuesFor("customer", [customerId]),
  ])

  const shaped: Record<string, unknown> = Object.fromEntries(fields.map((field) => [field, profile[field] ?? null]))
  shaped.picture_url = privateFileUrl.picture(audience, customerId, profile.picture_file_id as string | null)
  const result: Record<string, unknown> = {
    ...shaped,
    additional_names: (profile.additional_names as string[] | null) ?? [],
    first_name: customer.first_name,
    last_name: customer.last_name,
    account_email: customer.email,
    emails: methods.filter((method) => method.kind === "email"),
    phones: methods.filter((method) => method.kind !== "email"),
    custom_fields: withValues(definitions, values[customerId]),
    additional_contacts: [...(profile.additional_contacts ?? [])]
      .sort(byCreated)
      .map(({ id, name, role, emails, phones }) => ({ id, name, role, emails: emails ?? [], phones: phones ?? [] })),
    billing_same_as_booking: !!profile.billing_same_as_booking,
    billing_address: addresses.find((address) => address.is_default_billing) ?? null,
    locations: addresses.filter((address) => !address.is_default_billing),
  }

  if (staff) {
    const profiles: CustomerProfileModuleService = scope.resolve(CUSTOMER_PROFILE_MODULE)
    const dependentRows = [...((customer as { dependents?: (DependentRow & { created_at: string })[] }).dependents ?? [])].sort(byCreated)
    const [types, activity] = await Promise.all([
      dependentTypesWithFields(scope, "staff"),
      profiles.listCustomerActivities({ customer_id: customerId }, { order: { created_at: "DESC" }, take: ACTIVITY_SHOWN }),
    ])
    result.tags = (profile.tags as string[] | null) ?? []
    result.business_profiles = [...((customer as { business_profiles?: { created_at: string }[] }).business_profiles ?? [])].sort(byCreated)
    result.dependents = await presentDependents(scope, dependentRows, types, { customerId, audience })
    result.activity = activity.map(({ id, kind, message, data, actor, created_at }) => ({ id, kind, message, data, actor, created_at }))
  }
  return result
}
