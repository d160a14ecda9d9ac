import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountPageError, BackToAccount } from "~/components/account-page"
import { AddressFields } from "~/components/address-fields"
import { FormAlert } from "~/components/field"
import { addressFieldErrors, addressValuesFrom, readAddressForm, toAddressInput, type AddressFieldErrors, type AddressValues } from "~/lib/addresses"
import { setBillingAddress } from "~/lib/api/addresses.server"
import { toProblem } from "~/lib/api/api.server"
import { fieldErrorsFromMessage } from "~/lib/business-profiles"
import { hasErrors } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { getProfile } from "~/lib/api/profile.server"
import { redirectToAccount, requireToken, signOutIfRefused } from "~/lib/session.server"

function addressErrorsFromMessage(message: string): AddressFieldErrors {
  const { address_1, address_2, city, province, postal_code, country_code } = fieldErrorsFromMessage(message)
  return { address_1, address_2, city, province, postal_code, country_code }
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Billing address")

type BillingValues = { sameAsBooking: boolean; address: AddressValues }

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const profile = await getProfile(token)
    const values: BillingValues = {
      // Without a billing address there is nothing else to bill to.
      sameAsBooking: profile.billing_same_as_booking || !profile.billing_address,
      address: addressValuesFrom(profile.billing_address),
    }
    return json({ values: values as BillingValues | null, error: null as string | null })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ values: null, error: problem.message }, { status: problem.status === 404 ? 503 : problem.status })
  }
}

type BillingActionData = {
  values: BillingValues
  formKey: string
  formError?: string
  fieldErrors?: AddressFieldErrors
}

let answers = 0
const formKey = () => `billing-${Date.now()}-${++answers}`

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  const values: BillingValues = { sameAsBooking: form.has("same_as_booking"), address: readAddressForm(form) }

  if (!values.sameAsBooking) {
    const fieldErrors = addressFieldErrors(values.address)
    if (hasErrors(fieldErrors)) {
      return json<BillingActionData>({ values, formKey: formKey(), fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
    }
  }

  try {
    await setBillingAddress(token, values.sameAsBooking ? { same_as_booking: true } : { same_as_booking: false, address: toAddressInput(values.address) })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    // The backend names the address fields as the API does ("postal_code is required"); mark them.
    const fieldErrors = problem.status === 400 ? addressErrorsFromMessage(problem.message) : {}
    return json<BillingActionData>({ values, formKey: formKey(), formError: problem.message, fieldErrors }, { status: problem.status })
  }
  return redirectToAccount(request, "Billing address saved")
}

export default function BillingAddress() {
  const { values: saved, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (!saved) return <AccountPageError title="Billing address" error={error} />

  const values = result?.values ?? saved
  return (
    <section className="narrow">
      <h1>Billing address</h1>
      <p>Where we send your invoices.</p>
      <FormAlert message={result?.formError} />
      <Form method="post" className="form" noValidate key={result?.formKey ?? "saved"}>
        <div className="choice">
          <input
            type="checkbox"
            id="same_as_booking"
            name="same_as_booking"
            value="yes"
            defaultChecked={values.sameAsBooking}
            aria-describedby="same-as-booking-hint"
          />
          <label htmlFor="same_as_booking">Billing address same as booking address</label>
        </div>
        <p className="field-hint" id="same-as-booking-hint">
          Untick this to send invoices to the address below instead.
        </p>
        <fieldset className="group" aria-describedby="billing-address-hint">
          <legend>Separate billing address</legend>
          <p className="field-hint" id="billing-address-hint">
            Only used when the box above is not ticked.
          </p>
          <AddressFields values={values.address} fieldErrors={result?.fieldErrors} autoComplete="billing" />
        </fieldset>
        <button type="submit" className="button" disabled={submitting}>
          Save billing address
        </button>
      </Form>
      <BackToAccount />
    </section>
  )
}
