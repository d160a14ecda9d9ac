import { Input, Label, Select, Text } from "@medusajs/ui"
import { type ReactNode, useEffect, useId, useState } from "react"

import { dropdownFieldOptions } from "../../../lib/custom-fields"
import { customFilterField, customFilterKey, isCustomFilterKey, useCustomerFields } from "../../../lib/directory"
import { useDebounced } from "../../../lib/use-debounced"
import type { AdminCustomField } from "@fieldservice/contract"

/** The Select's value for "no field": Radix's Select can't use "". */
const NO_FIELD = "__none__"

/**
 * One customer custom field and the value it must hold: a dropdown field offers its options,
 * yes/no offers Yes and No, a date field a date, numbers and text a box (exact value).
 */
export function CustomFieldFilter({ params, onChange }: { params: URLSearchParams; onChange: (changes: Record<string, string | null>) => void }) {
  const { data, error } = useCustomerFields()
  const fields = data?.custom_fields ?? []
  const activeKey = [...params.keys()].find(isCustomFilterKey)
  const activeField = activeKey ? customFilterField(activeKey) : null
  // A field picked but not given a value yet filters nothing.
  const [picked, setPicked] = useState<string | null>(null)
  const fieldKey = activeField ?? picked
  const field = fields.find((candidate) => candidate.key === fieldKey) ?? null
  const value = activeKey ? (params.get(activeKey) ?? "") : ""

  /** Clears every custom-field filter, then sets this one (when it has a value). */
  const setFilter = (key: string | null, next: string) => {
    const changes: Record<string, string | null> = {}
    for (const existing of params.keys()) if (isCustomFilterKey(existing)) changes[existing] = null
    if (key && next !== "") changes[customFilterKey(key)] = next
    onChange(changes)
  }

  if (error || (data && fields.length === 0)) return null
  return (
    <div className="flex items-end gap-x-2">
      <div className="flex w-44 flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle" asChild>
          <span>Custom field</span>
        </Text>
        <Select
          size="small"
          value={fieldKey ?? NO_FIELD}
          onValueChange={(key) => {
            setPicked(key === NO_FIELD ? null : key)
            setFilter(null, "")
          }}
        >
          <Select.Trigger data-testid="crm-directory-custom-field">
            <Select.Value placeholder="Any" />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_FIELD}>Any</Select.Item>
            {fields.map((candidate) => (
              <Select.Item key={candidate.key} value={candidate.key}>
                {candidate.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {field && <CustomValueInput key={field.key} field={field} value={value} onChange={(next) => setFilter(field.key, next)} />}
    </div>
  )
}

function CustomValueInput({ field, value, onChange }: { field: AdminCustomField; value: string; onChange: (value: string) => void }) {
  const id = useId()
  const label = (
    <Label size="xsmall" htmlFor={id} className="text-ui-fg-subtle">
      {field.label} is
    </Label>
  )
  if (field.type === "dropdown" || field.type === "boolean") {
    const options: [string, string][] =
      field.type === "boolean"
        ? [
            ["true", "Yes"],
            ["false", "No"],
          ]
        : dropdownFieldOptions(field).map((option) => [option, option])
    return (
      <div className="flex w-40 flex-col gap-y-1">
        {label}
        <Select size="small" value={value || NO_FIELD} onValueChange={(next) => onChange(next === NO_FIELD ? "" : next)}>
          <Select.Trigger id={id} data-testid="crm-directory-custom-value">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_FIELD}>Any value</Select.Item>
            {options.map(([option, text]) => (
              <Select.Item key={option} value={option}>
                {text}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    )
  }
  if (field.type === "date") {
    return (
      <div className="flex flex-col gap-y-1">
        {label}
        <Input id={id} size="small" type="date" value={value} onChange={(event) => onChange(event.target.value)} data-testid="crm-directory-custom-value" />
      </div>
    )
  }
  return <TypedValue id={id} label={label} numeric={field.type === "number"} value={value} onChange={onChange} />
}

/** A text or number value, used once typing pauses. */
function TypedValue({
  id,
  label,
  numeric,
  value,
  onChange,
}: {
  id: string
  label: ReactNode
  numeric: boolean
  value: string
  onChange: (value: string) => void
}) {
  const [text, setText] = useState(value)
  const typed = useDebounced(text.trim(), 400)
  useEffect(() => {
    if (typed !== value) onChange(typed)
    // Only what was typed drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])
  return (
    <div className="flex w-40 flex-col gap-y-1">
      {label}
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
