import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminCustomerReferralsResponse, AdminReferral, ReferralStatus, StoreReferralsResponse } from "@fieldservice/contract"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../modules/referrals"

type Row = Awaited<ReturnType<ReferralsModuleService["listReferrals"]>>[number]
type PersonRow = { id: string; email: string; first_name: string | null; last_name: string | null }

const amount = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** The invite page: the customer's link, what each side gets, and the friends they invited (first names only). */
export async function customerReferrals(container: MedusaContainer, customerId: string): Promise<StoreReferralsResponse> {
  const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
  const [settings, code, rows] = await Promise.all([
    referrals.getReferralSettings(),
    referrals.codeFor(customerId),
    referrals.listReferrals({ referrer_customer_id: customerId }, { order: { created_at: "DESC" }, take: 200 }),
  ])
  const people = await loadPeople(
    container,
    rows.map((row) => row.referred_customer_id)
  )
  return {
    enabled: settings.enabled,
    code,
    link_path: `/sign-up?ref=${encodeURIComponent(code)}`,
    settings: {
      welcome_discount_type: settings.welcome_discount_type,
      welcome_discount_value: settings.welcome_discount_value,
      reward_amount: settings.reward_amount,
      currency_code: settings.currency_code,
    },
    referrals: rows.map((row) => ({
      id: row.id,
      first_name: people.get(row.referred_customer_id)?.first_name?.trim() || "A friend",
      status: row.status as ReferralStatus,
      reward_amount: row.status === "rewarded" ? amount(row.reward_amount) : null,
      created_at: new Date(row.created_at).toISOString(),
    })),
  }
}

async function loadPeople(container: MedusaContainer, ids: string[]): Promise<Map<string, PersonRow>> {
  if (!ids.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: [...new Set(ids)] } })
  return new Map((data as PersonRow[]).map((person) => [person.id, person]))
}

const personView = (people: Map<string, PersonRow>, id: string) => {
  const person = people.get(id)
  return { id, name: [person?.first_name, person?.last_name].filter(Boolean).join(" ") || person?.email || "Deleted customer", email: person?.email ?? "" }
}

export function adminReferralView(row: Row, people: Map<string, PersonRow>): AdminReferral {
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
  return {
    id: row.id,
    referrer: personView(people, row.referrer_customer_id),
    referred: personView(people, row.referred_customer_id),
    status: row.status as ReferralStatus,
    reason: row.reason ?? null,
    reward_amount: amount(row.reward_amount),
    currency_code: row.currency_code ?? null,
    rewarded_at: iso(row.rewarded_at),
    revoked_at: iso(row.revoked_at),
    created_at: iso(row.created_at) as string,
  }
}

/** The customer page: who invited this customer, and whom they invited. */
export async function adminCustomerReferrals(container: MedusaContainer, customerId: string): Promise<AdminCustomerReferralsResponse> {
  const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
  const [codes, by, made] = await Promise.all([
    referrals.listReferralCodes({ customer_id: customerId }, { take: 1 }),
    referrals.listReferrals({ referred_customer_id: customerId }, { take: 1 }),
    referrals.listReferrals({ referrer_customer_id: customerId }, { order: { created_at: "DESC" }, take: 500 }),
  ])
  const rows = [...by, ...made]
  const people = await loadPeople(
    container,
    rows.flatMap((row) => [row.referrer_customer_id, row.referred_customer_id])
  )
  return {
    code: codes[0]?.code ?? null,
    referred_by: by[0] ? adminReferralView(by[0], people) : null,
    referred: made.map((row) => adminReferralView(row, people)),
  }
}

export async function adminReferral(container: MedusaContainer, id: string): Promise<AdminReferral> {
  const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
  const row = await referrals.retrieveReferral(id)
  const people = await loadPeople(container, [row.referrer_customer_id, row.referred_customer_id])
  return adminReferralView(row, people)
}
