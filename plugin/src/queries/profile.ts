import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type {
  AdditionalContact,
  AdminCustomerProfile,
  AdminCustomerProfileBusinessProfile,
  AdminProfileActivity,
  BaseCustomerAddress,
  ProfileContactMethod,
  ProfileEmail,
  ProfileKind,
  ProfilePhone,
  ProfileStatus,
  StoreCustomerProfile,
} from "@fieldservice/contract"
import { CUSTOM_FIELDS_MODULE, type Audience, type CustomFieldsModuleService } from "../modules/custom-fields"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../modules/customer-profile"
import { isoDate, isoDateOrNull } from "../utils/json-dates"
import { privateFileUrl } from "../utils/private-file-urls"
import { ensureCustomerProfileWorkflow } from "../workflows/customer-profile/ensure-customer-profile"
import { definitionsFor, withValues } from "./custom-fields"
import { dependentTypesWithFields, presentDependents, type DependentRow } from "./dependents"

const CUSTOMER_FIELDS = [
  "id",
  "kind",
  "status",
  "status_changed_at",
  "email_verified_at",
  "additional_names",
  "marketing_emails",
  "reminder_emails",
  "feedback_emails",
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

type Stamp = string | Date
type ProfileRow = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  status_changed_at: Stamp | null
  email_verified_at: Stamp | null
  additional_names: string[] | null
  marketing_emails: boolean
  reminder_emails: boolean
  feedback_emails: boolean
  picture_file_id: string | null
  billing_same_as_booking: boolean
  tax_exempt: boolean
  tax_rate_override: number | null
  payment_terms_days: number | null
  internal_notes: string | null
  tags: string[] | null
  contact_methods?: ProfileContactMethod[]
  additional_contacts?: (Omit<AdditionalContact, "emails" | "phones"> & { emails: string[] | null; phones: string[] | null; created_at: Stamp })[]
}
/** What the read below asks Query for; the link fields have no generated types, so it is cast once. */
type CustomerRow = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string
  phone: string | null
  has_account: boolean
  customer_profile?: ProfileRow | null
  addresses?: Partial<BaseCustomerAddress>[]
  business_profiles?: (Omit<AdminCustomerProfileBusinessProfile, "created_at"> & { created_at: Stamp })[]
  dependents?: (DependentRow & { created_at: Stamp })[]
}

const byCreated = <T extends { created_at?: Stamp | null }>(a: T, b: T) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime()
const isEmail = (method: ProfileContactMethod): method is ProfileEmail => method.kind === "email"
const isPhone = (method: ProfileContactMethod): method is ProfilePhone => method.kind !== "email"
// Query reads every column of the row; the answer carries these three.
const contactMethod = <M extends ProfileContactMethod>(method: M): Pick<M, keyof ProfileContactMethod> => ({
  id: method.id,
  kind: method.kind,
  value: method.value,
})

async function readCustomer(scope: MedusaContainer, customerId: string, staff: boolean): Promise<CustomerRow | undefined> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = staff ? [...CUSTOMER_FIELDS, ...STAFF_FIELDS] : [...CUSTOMER_FIELDS]
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "first_name",
      "last_name",
      "email",
      "phone",
      "has_account",
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
  return data[0] as CustomerRow | undefined
}

/**
 * The customer's whole profile in one query over the links (customer, profile, emails and
 * numbers, contacts, addresses, and for staff business profiles and dependents), plus the
 * custom field values. The portal's shape never carries the staff-only parts.
 */
export async function loadProfile(scope: MedusaContainer, customerId: string, audience: "staff"): Promise<AdminCustomerProfile>
export async function loadProfile(scope: MedusaContainer, customerId: string, audience: "customer"): Promise<StoreCustomerProfile>
export async function loadProfile(scope: MedusaContainer, customerId: string, audience: Audience): Promise<StoreCustomerProfile | AdminCustomerProfile>
export async function loadProfile(scope: MedusaContainer, customerId: string, audience: Audience): Promise<StoreCustomerProfile | AdminCustomerProfile> {
  const staff = audience === "staff"
  let customer = await readCustomer(scope, customerId, staff)
  // Only customers who predate the plugin lack a profile: create it then, not on every read.
  if (customer && !customer.customer_profile) {
    await ensureCustomerProfileWorkflow(scope).run({ input: { customer_id: customerId } })
    customer = await readCustomer(scope, customerId, staff)
  }
  const profile = customer?.customer_profile
  if (!customer || !profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)

  // The primary email and phone are the customer's own; the list holds the others.
  const methods = [...(profile.contact_methods ?? [])].sort((a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value))
  const addresses = (customer.addresses ?? []).map(
    (address) => Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field] ?? null])) as BaseCustomerAddress
  )

  const customFields: CustomFieldsModuleService = scope.resolve(CUSTOM_FIELDS_MODULE)
  const [definitions, values] = await Promise.all([
    definitionsFor(scope, { target_type: "customer" }, audience),
    customFields.valuesFor("customer", [customerId]),
  ])

  // Key order as the answer has always had it: the profile's own fields, then the customer's.
  const own = {
    id: profile.id,
    kind: profile.kind,
    status: profile.status,
    status_changed_at: isoDateOrNull(profile.status_changed_at),
    email_verified_at: isoDateOrNull(profile.email_verified_at),
    additional_names: profile.additional_names ?? [],
    marketing_emails: profile.marketing_emails,
    reminder_emails: profile.reminder_emails,
    feedback_emails: profile.feedback_emails !== false,
    picture_url: privateFileUrl.picture(audience, customerId, profile.picture_file_id),
    billing_same_as_booking: !!profile.billing_same_as_booking,
  }
  const rest = {
    first_name: customer.first_name,
    last_name: customer.last_name,
    account_email: customer.email,
    has_login: !!customer.has_account,
    account_phone: customer.phone || null,
    emails: methods.filter(isEmail).map(contactMethod),
    phones: methods.filter(isPhone).map(contactMethod),
    custom_fields: withValues(definitions, values[customerId]),
    additional_contacts: [...(profile.additional_contacts ?? [])]
      .sort(byCreated)
      .map(({ id, name, role, emails, phones }): AdditionalContact => ({ id, name, role, emails: emails ?? [], phones: phones ?? [] })),
    billing_address: addresses.find((address) => address.is_default_billing) ?? null,
    locations: addresses.filter((address) => !address.is_default_billing),
  }
  if (!staff) return { ...own, ...rest }

  const profiles: CustomerProfileModuleService = scope.resolve(CUSTOMER_PROFILE_MODULE)
  const [types, activity] = await Promise.all([
    dependentTypesWithFields(scope, "staff"),
    profiles.listCustomerActivities({ customer_id: customerId }, { order: { created_at: "DESC" }, take: ACTIVITY_SHOWN }),
  ])
  return {
    ...own,
    tax_exempt: profile.tax_exempt,
    tax_rate_override: profile.tax_rate_override ?? null,
    payment_terms_days: profile.payment_terms_days ?? null,
    internal_notes: profile.internal_notes ?? null,
    tags: profile.tags ?? [],
    ...rest,
    business_profiles: [...(customer.business_profiles ?? [])]
      .sort(byCreated)
      .map((business): AdminCustomerProfileBusinessProfile => ({ ...business, created_at: isoDate(business.created_at) })),
    dependents: await presentDependents(scope, [...(customer.dependents ?? [])].sort(byCreated), types, { customerId, audience }),
    activity: activity.map(({ id, kind, message, data, actor, created_at }): AdminProfileActivity => ({
      id,
      kind,
      message,
      data,
      actor,
      created_at: isoDate(created_at),
    })),
  }
}
