import { Form } from "@remix-run/react"

import { AddressFields } from "~/components/address-fields"
import { Field, FormAlert } from "~/components/field"
import type { AddressFieldErrors, AddressValues } from "~/lib/addresses"

export type LocationValues = { label: string; address: AddressValues }

type LocationFormProps = {
  values: LocationValues
  formError?: string | null
  fieldErrors?: AddressFieldErrors
  submitting: boolean
}

/** Add or edit a saved location: a label and an address. Posts `intent=save` to the page's own action. */
export function LocationForm({ values, formError, fieldErrors = {}, submitting }: LocationFormProps) {
  return (
    <>
      <FormAlert message={formError} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field
          name="label"
          label="Label"
          required
          maxLength={100}
          autoComplete="off"
          hint="A name for this place, for example Home, Holiday house or Mum’s flat."
          defaultValue={values.label}
          error={fieldErrors.label}
        />
        <AddressFields values={values.address} fieldErrors={fieldErrors} autoComplete="shipping" />
        <button type="submit" className="button" disabled={submitting}>
          Save location
        </button>
      </Form>
    </>
  )
}
