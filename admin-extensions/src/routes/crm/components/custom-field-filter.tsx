import { Input, Label } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"

import { FilterOptionList } from "../../../components/filter-chip"
import { dropdownFieldOptions } from "../../../lib/custom-fields"
import { formatFilterDay } from "../../../lib/directory"
import { useDebounced } from "../../../lib/use-debounced"
import { DayPicker } from "./date-filter"
import type { AdminCustomField } from "@fieldservice/contract"

/** A custom field's value as its chip shows it: Yes/No, a day in the admin's locale, else as typed. */
export function describeCustomValue(field: AdminCustomField | undefined, value: string, locale: string): string {
  if (field?.type === "boolean") return value === "true" ? "Yes" : value === "false" ? "No" : value
  if (field?.type === "date") return formatFilterDay(value, locale)
  return value
}

/**
 * One customer custom field's editor, the value it must hold: a dropdown field offers its options,
 * yes/no offers Yes and No, a date field a date picker, numbers and text a box (exact value).
 * "" removes the value.
 */
export function CustomFieldEditor({
  field,
  value,
  locale,
  onChange,
}: {
  field: AdminCustomField
  value: string
  locale: string
  onChange: (value: string) => void
}) {
  if (field.type === "dropdown" || field.type === "boolean") {
    const options =
      field.type === "boolean"
        ? [
            { value: "true", label: "Yes" },
            { value: "false", label: "No" },
          ]
        : dropdownFieldOptions(field).map((option) => ({ value: option, label: option }))
    return (
      <FilterOptionList
        options={options}
        multiple={false}
        isChecked={(option) => option === value}
        // Choosing the chosen one again takes it back, as in Medusa's own lists.
        onToggle={(option, checked) => onChange(checked ? option : "")}
        label={field.label}
        testId="crm-directory-custom-option"
      />
    )
  }
  if (field.type === "date") {
    return (
      <div className="p-3">
        <DayPicker label={field.label} value={value || null} locale={locale} onChange={(day) => onChange(day ?? "")} testId="crm-directory-custom-date" />
      </div>
    )
  }
  return <TypedValue label={field.label} numeric={field.type === "number"} value={value} onChange={onChange} />
}

/** A text or number value, used once typing pauses. */
function TypedValue({ label, numeric, value, onChange }: { label: string; numeric: boolean; value: string; onChange: (value: string) => void }) {
  const id = useId()
  const [text, setText] = useState(value)
  const typed = useDebounced(text.trim(), 400)
  useEffect(() => {
    if (typed !== value) onChange(typed)
    // Only what was typed drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])
  return (
    <div className="flex flex-col gap-y-1 p-3">
      <Label size="xsmall" weight="plus" htmlFor={id}>
        {label} is
      </Label>
      <Input
        id={id}
        size="small"
        type={numeric ? "number" : "text"}
        inputMode={numeric ? "decimal" : undefined}
        placeholder={numeric ? "A number" : "Exact value"}
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="crm-directory-custom-value"
      />
    </div>
  )
}
