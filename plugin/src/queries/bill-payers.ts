import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AdminBillPayersResponse, BillPayerParty } from "@fieldservice/contract"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../modules/business-profile"
import { INVOICES_MODULE, type InvoicesModuleService } from "../modules/invoices"

type PayerRow = { customer_id: string; business_profile_id: string | null; payer_id: string }

/** The payer among a customer's rows: the business profile's own, else the customer's; null when the customer pays. */
export function payerAmong(rows: PayerRow[], customerId: string, businessProfileId: string | null): string | null {
  const own = businessProfileId ? rows.find((row) => row.customer_id === customerId && row.business_profile_id === businessProfileId) : undefined
  return (own ?? rows.find((row) => row.customer_id === customerId && !row.business_profile_id))?.payer_id ?? null
}

/** For these customers: who pays a visit of (customer, business profile), null when the customer does. One indexed read. */
export async function billPayerLookup(container: MedusaContainer, customerIds: string[]) {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const rows = customerIds.length ? await invoices.listBillPayers({ customer_id: [...new Set(customerIds)] }) : []
  return (customerId: string, businessProfileId: string | null) => payerAmong(rows, customerId, businessProfileId)
}

/** Who pays one visit's (or one customer's, or profile's) invoices: the bill payer, else null (the customer). */
export async function billPayerOf(container: MedusaContainer, customerId: string, businessProfileId: string | null): Promise<string | null> {
  return (await billPayerLookup(container, [customerId]))(customerId, businessProfileId)
}

/** Customers as the bill payer card names them. */
export async function payerParties(container: MedusaContainer, ids: string[]): Promise<Map<string, BillPayerParty>> {
  if (!ids.length) return new Map()
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: [...new Set(ids)] }, { select: ["id", "first_name", "last_name", "email", "company_name"] })
  return new Map(
    customers.map((customer) => [
      customer.id,
      {
        customer_id: customer.id,
        name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email,
        email: customer.email,
        company: customer.company_name ?? null,
      },
    ])
  )
}

/** The customer page's "Bill payer" card: who pays the customer's and each profile's invoices, and whom this customer pays for. */
export async function loadBillPayers(container: MedusaContainer, customerId: string): Promise<AdminBillPayersResponse> {
  await container.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, { select: ["id"] })
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const businessProfiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  const [rows, profiles, paidFor] = await Promise.all([
    invoices.listBillPayers({ customer_id: customerId }),
    businessProfiles.listBusinessProfiles({ customer_id: customerId }, { select: ["id", "name"] }),
    invoices.listBillPayers({ payer_id: customerId }, { take: 200, order: { created_at: "ASC" } }),
  ])
  const paidForProfiles = await businessProfiles.listBusinessProfiles(
    { id: paidFor.flatMap((row) => (row.business_profile_id ? [row.business_profile_id] : [])) },
    { select: ["id", "name"] }
  )
  const parties = await payerParties(container, [...rows.map((row) => row.payer_id), ...paidFor.map((row) => row.customer_id)])
  const party = (id: string | null) => (id ? (parties.get(id) ?? null) : null)
  const profileNames = new Map(paidForProfiles.map((profile) => [profile.id, profile.name]))
  return {
    customer_id: customerId,
    payer: party(payerAmong(rows, customerId, null)),
    business_profiles: profiles.map((profile) => ({
      business_profile_id: profile.id,
      name: profile.name,
      own: rows.some((row) => row.business_profile_id === profile.id),
      payer: party(payerAmong(rows, customerId, profile.id)),
    })),
    pays_for: paidFor.map((row) => ({
      customer_id: row.customer_id,
      name: parties.get(row.customer_id)?.name ?? row.customer_id,
      business_profile_id: row.business_profile_id ?? null,
      business_profile_name: row.business_profile_id ? (profileNames.get(row.business_profile_id) ?? null) : null,
    })),
  }
}

/**
 * Why merging the secondary into the primary would make a bill-payer chain (the merged customer
 * paying for others while their own invoices go to someone else), or null. The merge moves the
 * secondary's payer settings where the primary has none for the same scope, and whom it pays for.
 */
export async function mergePayerChain(container: MedusaContainer, primaryId: string, secondaryId: string): Promise<string | null> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const both = [primaryId, secondaryId]
  const [own, paidFor] = await Promise.all([
    invoices.listBillPayers({ customer_id: both }, { select: ["customer_id", "business_profile_id", "payer_id"] }),
    invoices.listBillPayers({ payer_id: both }, { select: ["customer_id", "payer_id"], take: 1000 }),
  ])
  const payers = own.filter((row) => !both.includes(row.payer_id))
  const others = paidFor.filter((row) => !both.includes(row.customer_id))
  if (!payers.length || !others.length) return null
  const names = await payerParties(container, [payers[0].payer_id, others[0].customer_id])
  const name = (id: string) => names.get(id)?.name ?? id
  return (
    `After this merge the customer would pay ${name(others[0].customer_id)}'s invoices while their own go to ${name(payers[0].payer_id)}, ` +
    "and a bill payer can't have a payer of their own. Change one of those bill payer settings first."
  )
}
