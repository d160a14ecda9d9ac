/** Bill payers (issue #18 item 3): who pays a customer's invoices when it is not the customer. */

/** A customer who pays others' invoices, as the admin shows them. */
export type BillPayerParty = {
  customer_id: string
  name: string
  email: string
  company: string | null
}

/** The customer's, or one business profile's, payer: null when the customer pays. */
export type AdminBillPayerSetting = {
  business_profile_id: string | null
  payer: BillPayerParty | null
}

export type AdminBillPayersResponse = {
  customer_id: string
  /** Who pays the customer's invoices (those of profiles without their own setting too). */
  payer: BillPayerParty | null
  /** Each business profile: its own payer (`own`), or the customer's it follows. */
  business_profiles: (AdminBillPayerSetting & { name: string; own: boolean })[]
  /** The customers (and profiles) whose invoices this customer pays. */
  pays_for: { customer_id: string; name: string; business_profile_id: string | null; business_profile_name: string | null }[]
}

/** Who pays: the customer themself, another existing customer, or a new billing contact (made a customer and invited to the portal). */
export type AdminSetBillPayerRequest = {
  business_profile_id?: string | null
} & (
  | { pays: "customer" }
  | { pays: "other_customer"; payer_id: string }
  | {
      pays: "billing_contact"
      contact: {
        name: string
        email: string
        company?: string | null
        address?: { address_1: string; address_2?: string | null; city: string; postal_code: string; country_code: string } | null
      }
    }
)
