/** Medusa customer addresses: the billing address and the saved locations. */

import { apiFetch, asList, errorStatus } from "~/lib/api/api.server"
import type {
  StoreUpdateBillingAddress as BillingAddressInput,
  StoreCustomerAddress as Address,
  CustomerAddressInput as AddressInput,
  StoreBillingAddressResponse as BillingAddress,
  StoreCustomerAddressListResponse,
  StoreCustomerAddressResponse,
} from "@fieldservice/contract"

export async function setBillingAddress(token: string, input: BillingAddressInput): Promise<BillingAddress> {
  const result = await apiFetch<Partial<BillingAddress>>("/store/customers/me/billing-address", {
    method: "POST",
    token,
    body: input,
  })
  return {
    billing_same_as_booking: result.billing_same_as_booking !== false,
    billing_address: result.billing_address ?? null,
  }
}

const addressesPath = (id?: string) => (id === undefined ? "/store/customers/me/addresses" : `/store/customers/me/addresses/${encodeURIComponent(id)}`)

/** Every address of the customer (Medusa's own route), the billing address too. */
export async function listAddresses(token: string): Promise<Address[]> {
  const { addresses } = await apiFetch<Partial<StoreCustomerAddressListResponse>>(addressesPath(), {
    token,
    query: { limit: "100" },
  })
  return asList(addresses)
}

/** The saved locations: the addresses that are not the billing address. */
export async function listLocations(token: string): Promise<Address[]> {
  return (await listAddresses(token)).filter((address) => !address.is_default_billing)
}

/** One of the customer's saved locations, or null (also for the billing address, which has its own page). */
export async function findLocation(token: string, id: string): Promise<Address | null> {
  try {
    const { address } = await apiFetch<Partial<StoreCustomerAddressResponse>>(addressesPath(id), { token })
    return address && !address.is_default_billing ? address : null
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/** Medusa's own route; it answers with the customer. */
export async function createLocation(token: string, input: AddressInput): Promise<void> {
  await apiFetch(addressesPath(), { method: "POST", token, body: input })
}

export async function updateLocation(token: string, id: string, input: AddressInput): Promise<void> {
  await apiFetch(addressesPath(id), { method: "POST", token, body: input })
}

export async function deleteLocation(token: string, id: string): Promise<void> {
  await apiFetch(addressesPath(id), { method: "DELETE", token })
}
