/** Saved locations: the form's values. Shared by server and browser. */

import type { LocationValues } from "~/components/location-form"
import { addressValuesFrom } from "~/lib/addresses"
import type { StoreCustomerAddress as Address } from "@fieldservice/contract"

export const EMPTY_LOCATION: LocationValues = { label: "", address: addressValuesFrom(null) }

export function locationValuesFrom(address: Address): LocationValues {
  return { label: address.address_name ?? "", address: addressValuesFrom(address) }
}
