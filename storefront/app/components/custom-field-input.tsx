import { Field, SelectField } from "~/components/field"
import { customFieldName, numberHint, type CustomFieldErrors, type CustomFieldValues } from "~/lib/custom-fields"
import type { BaseCustomField as CustomFieldDefinition, NumberFieldConfig } from "@fieldservice/contract"

type CustomFieldInputProps = {
  field: CustomFieldDefinition
  /** As the form edits it (see ~/lib/custom-fields). */
  value: string
  error?: string
  /** Keeps ids unique when two forms are on one page. */
  idPrefix?: string
}

/** "Breed (required)": required fields say so in their label, not only in the markup. */
function labelText(field: CustomFieldDefinition): string {
  return field.required ? `${field.label} (required)` : field.label
}

/**
 * One of the business's own fields as an input: text, number (with its range), date, a select
 * for a dropdown, Yes/No radios for a boolean. Posts `custom_fields.<key>`.
 */
export function CustomFieldInput({ field, value, error, idPrefix = "cf" }: CustomFieldInputProps) {
  const id = `${idPrefix}-${field.key}`
  const name = customFieldName(field.key)
  const label = labelText(field)
  const hint = [field.help_text?.trim(), numberHint(field)].filter(Boolean).join(" ") || undefined
  const common = { id, name, label, error, required: field.required, "aria-required": field.required || undefined }

  switch (field.type) {
    case "number": {
      const config: Partial<NumberFieldConfig> = field.config && !("options" in field.config) ? field.config : {}
      return (
        <Field
          {...common}
          type="number"
          inputMode={config.integer ? "numeric" : "decimal"}
          min={config.min}
          max={config.max}
          step={config.integer ? 1 : "any"}
          hint={hint}
          defaultValue={value}
        />
      )
    }
    case "date":
      return <Field {...common} type="date" hint={hint} defaultValue={value} />
    case "dropdown": {
      const options = field.config && "options" in field.config ? field.config.options : []
      // A value staff saved that is no longer an option still shows.
      const all = value && !options.includes(value) ? [...options, value] : options
      return (
        <SelectField
          {...common}
          hint={hint}
          defaultValue={value}
          options={[{ value: "", label: field.required ? "Choose one" : "Not answered" }, ...all.map((option) => ({ value: option, label: option }))]}
        />
      )
    }
    case "boolean": {
      const hintId = hint ? `${id}-hint` : undefined
      const errorId = error ? `${id}-error` : undefined
      return (
        <fieldset className="choices" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
          <legend>{label}</legend>
          {hint ? (
            <p className="field-hint field-hint--full" id={hintId}>
              {hint}
            </p>
          ) : null}
          <div className="choice">
            <input type="radio" id={`${id}-yes`} name={name} value="yes" defaultChecked={value === "yes"} aria-invalid={error ? true : undefined} />
            <label htmlFor={`${id}-yes`}>Yes</label>
          </div>
          <div className="choice">
            <input type="radio" id={`${id}-no`} name={name} value="no" defaultChecked={value === "no"} aria-invalid={error ? true : undefined} />
            <label htmlFor={`${id}-no`}>No</label>
          </div>
          {error ? (
            <p className="field-error field-hint--full" id={errorId}>
              {error}
            </p>
          ) : null}
        </fieldset>
      )
    }
    default:
      return <Field {...common} hint={hint} maxLength={1000} defaultValue={value} />
  }
}

type CustomFieldInputsProps = {
  fields: CustomFieldDefinition[]
  values: CustomFieldValues
  errors?: CustomFieldErrors
  idPrefix?: string
}

/** Every field, in the order staff ranked them. */
export function CustomFieldInputs({ fields, values, errors = {}, idPrefix }: CustomFieldInputsProps) {
  return (
    <>
      {fields.map((field) => (
        <CustomFieldInput key={field.key} field={field} value={values[field.key] ?? ""} error={errors[field.key]} idPrefix={idPrefix} />
      ))}
    </>
  )
}
