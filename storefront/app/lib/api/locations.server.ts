import { json } from "@remix-run/node"

import type { LocationValues } from "~/components/location-form"
import { addressFieldErrors, readAddressForm, toAddressInput, type AddressFieldErrors } from "~/lib/addresses"

import { toProblem } from "~/lib/api/api.server"
import { hasErrors, text } from "~/lib/forms"
import { redirectToAccount, signOutIfRefused } from "~/lib/session.server"
import { firstProblem, locationLabelField, type CustomerAddressInput as AddressInput } from "@fieldservice/contract"

export type LocationActionData = {
  values?: LocationValues
  formError?: string
  fieldErrors?: AddressFieldErrors
  notFound?: boolean
  confirmDelete?: boolean
  deleteError?: string
}

/** The label is the address's `address_name` in Medusa. */
function toLocationInput(values: LocationValues): AddressInput {
  return { ...toAddressInput(values.address), address_name: values.label }
}

/** Checks the form and calls `save`; a refusal keeps the form with the backend's message above it. */
export async function saveLocation(request: Request, form: FormData, save: (input: AddressInput) => Promise<unknown>) {
  const values: LocationValues = { label: text(form, "label"), address: readAddressForm(form) }
  const fieldErrors: AddressFieldErrors = {
    label: firstProblem(locationLabelField, values.label),
    ...addressFieldErrors(values.address),
  }
  if (hasErrors(fieldErrors)) {
    return json<LocationActionData>({ values, fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
  }
  try {
    await save(toLocationInput(values))
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 404) return json<LocationActionData>({ values, notFound: true }, { status: 404 })
    await signOutIfRefused(request, problem)
    return json<LocationActionData>({ values, formError: problem.message }, { status: problem.status })
  }
  return redirectToAccount(request, "Location saved")
}
