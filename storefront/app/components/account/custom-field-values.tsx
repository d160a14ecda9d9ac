import { displayValue } from "~/lib/custom-fields"
import type { CustomFieldWithValue } from "@fieldservice/contract"

/** "Gate code: 4471" for each field with a value; the rest say "Not answered". */
export function CustomFieldValues({ fields, testId }: { fields: CustomFieldWithValue[]; testId: string }) {
  return (
    <dl className="details" data-testid={testId}>
      {fields.map((field) => {
        const value = displayValue(field)
        return (
          <div key={field.key} className="details__row" data-testid={`custom-field-${field.key}`}>
            <dt>{field.label}</dt>
            <dd>{value ?? <span className="muted">Not answered</span>}</dd>
          </div>
        )
      })}
    </dl>
  )
}
