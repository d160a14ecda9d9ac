import { Field, SelectField } from "~/components/field"
import { ADDRESS_LABELS as LABELS, type AddressFieldErrors, type AddressValues } from "~/lib/addresses"
import { countryOptions } from "@fieldservice/contract"

type AddressFieldsProps = {
  values: AddressValues
  fieldErrors?: AddressFieldErrors
  /** Whether the browser may fill them in from the customer's own addresses. */
  autoComplete?: "shipping" | "billing" | "off"
}

/** The address inputs of a form (line 1 and 2, town, county or state, postcode, country), without the form. */
export function AddressFields({ values, fieldErrors = {}, autoComplete = "off" }: AddressFieldsProps) {
  const auto = (token: string) => (autoComplete === "off" ? "off" : `${autoComplete} ${token}`)
  return (
    <>
      <Field
        name="address_1"
        label={LABELS.address_1}
        required
        maxLength={200}
        autoComplete={auto("address-line1")}
        defaultValue={values.address_1}
        error={fieldErrors.address_1}
      />
      <Field
        name="address_2"
        label={LABELS.address_2}
        maxLength={200}
        autoComplete={auto("address-line2")}
        defaultValue={values.address_2}
        error={fieldErrors.address_2}
      />
      <Field
        name="city"
        label={LABELS.city}
        required
        maxLength={100}
        autoComplete={auto("address-level2")}
        defaultValue={values.city}
        error={fieldErrors.city}
      />
      <Field
        name="province"
        label={LABELS.province}
        maxLength={100}
        autoComplete={auto("address-level1")}
        defaultValue={values.province}
        error={fieldErrors.province}
      />
      <Field
        name="postal_code"
        label={LABELS.postal_code}
        required
        maxLength={20}
        autoComplete={auto("postal-code")}
        defaultValue={values.postal_code}
        error={fieldErrors.postal_code}
      />
      <SelectField
        name="country_code"
        label={LABELS.country_code}
        required
        autoComplete={auto("country")}
        defaultValue={values.country_code}
        error={fieldErrors.country_code}
        options={countryOptions(values.country_code).map((country) => ({ value: country.code, label: country.name }))}
      />
    </>
  )
}
