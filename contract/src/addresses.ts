// Medusa's own customer addresses as our routes answer them (profile, billing address), and the
// billing address routes: POST /store/customers/me/billing-address, POST /admin/customers/:id/billing-address.

/** `address_name` is its label, e.g. "Home", "Holiday house" or "Billing". */
export type BaseCustomerAddress = {
  id: string
  address_name: string | null
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  /** Lowercase, e.g. "gb". */
  country_code: string
  phone: string | null
  is_default_billing: boolean
  is_default_shipping: boolean
}
export type StoreCustomerAddress = BaseCustomerAddress
export type AdminCustomerAddress = BaseCustomerAddress
/** Medusa's /store/customers/me/addresses[/:id], with the fields the portal reads. */
export type StoreCustomerAddressListResponse = { addresses: StoreCustomerAddress[] }
export type StoreCustomerAddressResponse = { address: StoreCustomerAddress }

/** What an address form sends (also Medusa's /store/customers/me/addresses); optional fields clear with null. */
export type CustomerAddressInput = {
  address_name?: string | null
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
  phone?: string | null
}

/** Body of POST …/billing-address. */
export type UpdateBillingAddress = { same_as_booking: true } | { same_as_booking: false; address: CustomerAddressInput }
export type StoreUpdateBillingAddress = UpdateBillingAddress
export type AdminUpdateBillingAddress = UpdateBillingAddress
export type BillingAddressResponse = { billing_same_as_booking: boolean; billing_address: BaseCustomerAddress | null }
export type StoreBillingAddressResponse = BillingAddressResponse
export type AdminBillingAddressResponse = BillingAddressResponse
