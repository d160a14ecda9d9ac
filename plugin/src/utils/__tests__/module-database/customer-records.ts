import type { Knex } from "knex"
import { normalizeEmail, normalizePhone } from "../../../modules/customer-profile/contact-details"
import { PROFILE_LINK_TABLE } from "../../../db/tables"

/** A customer as a test starts from: Medusa's customer row, our profile and its extra contact details. */
export type CustomerRecord = {
  first_name?: string
  last_name?: string
  email: string
  phone?: string
  company_name?: string
  created_at?: Date
  deleted_at?: Date
  status?: "active" | "blocked" | "archived"
  tags?: string[]
  /** Extra emails and phone numbers on the profile. */
  contacts?: { kind: "email" | "phone" | "mobile"; value: string; is_primary?: boolean }[]
  addresses?: { address_1: string; postal_code: string }[]
}

let made = 0

/**
 * Writes the customers the way the app stores them (a customer, its linked profile, contact
 * methods normalized as contact-details.ts does, addresses); returns their ids in order.
 */
export async function addCustomers(knex: Knex, customers: CustomerRecord[]): Promise<string[]> {
  const ids: string[] = []
  for (const customer of customers) {
    const n = String(++made).padStart(4, "0")
    const id = `cus_test${n}`
    const profileId = `cprof_test${n}`
    const created_at = customer.created_at ?? new Date(Date.UTC(2026, 0, 1, 0, 0, made))
    await knex("customer").insert({
      id,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      email: customer.email,
      phone: customer.phone ?? null,
      company_name: customer.company_name ?? null,
      created_at,
      updated_at: created_at,
      deleted_at: customer.deleted_at ?? null,
    })
    await knex("customer_profile").insert({ id: profileId, status: customer.status ?? "active", tags: customer.tags ?? [] })
    await knex(PROFILE_LINK_TABLE).insert({ id: `custprof_test${n}`, customer_id: id, customer_profile_id: profileId })
    for (const [index, contact] of (customer.contacts ?? []).entries()) {
      const normalized = contact.kind === "email" ? normalizeEmail(contact.value) : normalizePhone(contact.value)
      if (!normalized) throw new Error(`Not a contact detail: ${contact.value}`)
      await knex("customer_contact_method").insert({
        id: `cmeth_test${n}_${index}`,
        profile_id: profileId,
        kind: contact.kind,
        value: contact.value,
        normalized,
        is_primary: contact.is_primary ?? false,
      })
    }
    for (const [index, address] of (customer.addresses ?? []).entries()) {
      await knex("customer_address").insert({ id: `cuaddr_test${n}_${index}`, customer_id: id, ...address })
    }
    ids.push(id)
  }
  return ids
}
