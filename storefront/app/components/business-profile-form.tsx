import { Form } from "@remix-run/react"

import { Field, FormAlert, SelectField } from "~/components/field"
import { BUSINESS_PROFILE_LABELS as LABELS, type BusinessProfileFieldErrors, type BusinessProfileValues } from "~/lib/business-profiles"
import { countryOptions } from "@fieldservice/contract"

type BusinessProfileFormProps = {
  values: BusinessProfileValues
  /** The backend's message for a refused save, shown above the form. */
  formError?: string | null
  fieldErrors?: BusinessProfileFieldErrors
  submitting: boolean
}

/** Add or edit a business profile. Posts `intent=save` to the page's own action. */
export function BusinessProfileForm({ values, formError, fieldErrors = {}, submitting }: BusinessProfileFormProps) {
  const highlighted = Object.values(fieldErrors).some(Boolean)
  return (
    <>
      <FormAlert message={formError} hint={highlighted ? "Please check the highlighted fields." : null} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field name="name" label={LABELS.name} required autoComplete="organization" defaultValue={values.name} error={fieldErrors.name} />
        <Field
          name="billing_email"
          label={LABELS.billing_email}
          type="email"
          required
          autoComplete="email"
          hint="Where we send this business’s invoices."
          defaultValue={values.billing_email}
          error={fieldErrors.billing_email}
        />
        <Field
          name="tax_id"
          label={LABELS.tax_id}
          hint="For example a VAT number. It is printed on your invoices."
          defaultValue={values.tax_id}
          error={fieldErrors.tax_id}
        />
        <Field name="address_1" label={LABELS.address_1} required autoComplete="address-line1" defaultValue={values.address_1} error={fieldErrors.address_1} />
        <Field name="address_2" label={LABELS.address_2} autoComplete="address-line2" defaultValue={values.address_2} error={fieldErrors.address_2} />
        <Field name="city" label={LABELS.city} required autoComplete="address-level2" defaultValue={values.city} error={fieldErrors.city} />
        <Field name="province" label={LABELS.province} autoComplete="address-level1" defaultValue={values.province} error={fieldErrors.province} />
        <Field
          name="postal_code"
          label={LABELS.postal_code}
          required
          autoComplete="postal-code"
          defaultValue={values.postal_code}
          error={fieldErrors.postal_code}
        />
        <SelectField
          name="country_code"
          label={LABELS.country_code}
          required
          autoComplete="country"
          defaultValue={values.country_code}
          error={fieldErrors.country_code}
          options={countryOptions(values.country_code).map((country) => ({
            value: country.code,
            label: country.name,
          }))}
        />
        <button type="submit" className="button" disabled={submitting}>
          Save business profile
        </button>
      </Form>
    </>
  )
}
