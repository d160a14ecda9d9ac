import { FieldMessage, useFieldMessage } from "./entry-drawer"
import { Badge, Input, Label, Select, Switch, Text } from "@medusajs/ui"

import type { CustomFieldValue, DropdownFieldConfig, NumberFieldConfig, BaseCustomField as CustomFieldDefinition } from "@fieldservice/contract"

// Custom fields (Settings → custom fields) edited and shown the same way everywhere: the customer
// page, dependents, and the settings page's preview. Forms keep every value as a string (the
// EntryDrawer's form state); these helpers convert to and from the API's values.

/** The select's value for "no choice": Radix's Select can't use "". */
const NONE = "__none__"

export const numberConfig = (field: Pick<CustomFieldDefinition, "type" | "config">): NumberFieldConfig | null =>
  field.type === "number" && field.config && !("options" in field.config) ? field.config : null

export const dropdownOptions = (field: Pick<CustomFieldDefinition, "type" | "config">): string[] =>
  field.type === "dropdown" && field.config && "options" in field.config ? ((field.config as DropdownFieldConfig).options ?? []) : []

/** The form's string for an API value: "" when empty, "true"/"false" for yes/no. */
export function toFieldText(field: Pick<CustomFieldDefinition, "type">, value: CustomFieldValue | undefined): string {
  if (value === null || value === undefined) return ""
  if (field.type === "boolean") return value === true || value === "true" ? "true" : "false"
  return String(value)
}

/**
 * The API value for the form's string: null when empty (clears it), a number for number fields,
 * a boolean for yes/no. Throws an Error naming the field when a number can't be read; everything
 * else (required, min/max, options) the API checks and answers with a 400 naming the field.
 */
export function fromFieldText(field: Pick<CustomFieldDefinition, "type" | "label">, text: string | undefined): CustomFieldValue {
  const trimmed = (text ?? "").trim()
  if (trimmed === "") return null
  switch (field.type) {
    case "number": {
      const number = Number(trimmed)
      if (!Number.isFinite(number)) throw new Error(`${field.label}: enter a number.`)
      return number
    }
    case "boolean":
      return trimmed === "true"
    default:
      return trimmed
  }
}

/** "Yes", "12 Nov 2025", "4471"; "—" when empty. */
export function formatFieldValue(field: Pick<CustomFieldDefinition, "type">, value: CustomFieldValue | undefined): string {
  if (value === null || value === undefined || value === "") return "—"
  if (field.type === "boolean") return value === true || value === "true" ? "Yes" : "No"
  if (field.type === "date" && typeof value === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (match) {
      // A calendar day, not a moment: formatted in UTC so no time zone moves it.
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
      return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(date)
    }
  }
  return String(value)
}

/** "Between 1 and 10, whole numbers" for a number field; null when there are no limits. */
export function numberHint(field: Pick<CustomFieldDefinition, "type" | "config">): string | null {
  const config = numberConfig(field)
  if (!config) return null
  const { min, max, integer } = config
  const range =
    min !== undefined && max !== undefined ? `From ${min} to ${max}` : min !== undefined ? `At least ${min}` : max !== undefined ? `At most ${max}` : null
  if (integer) return range ? `${range}, whole numbers only.` : "Whole numbers only."
  return range ? `${range}.` : null
}

type InputProps = {
  field: CustomFieldDefinition
  /** The control's id, for its label. */
  id: string
  /** The form's string (see toFieldText). */
  value: string | undefined
  onChange: (value: string) => void
  disabled?: boolean
  /** Defaults to the id. */
  testId?: string
}

/** The input for a field's type: text, number (with its limits), date, dropdown or a yes/no switch. */
export function CustomFieldInput({ field, id, value = "", onChange, disabled, testId = id }: InputProps) {
  switch (field.type) {
    case "number": {
      const config = numberConfig(field)
      return (
        <Input
          id={id}
          type="number"
          inputMode={config?.integer ? "numeric" : "decimal"}
          min={config?.min}
          max={config?.max}
          step={config?.integer ? 1 : "any"}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
          data-testid={testId}
        />
      )
    }
    case "date":
      return <Input id={id} type="date" value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled} data-testid={testId} />
    case "dropdown": {
      const options = dropdownOptions(field)
      // A value no longer offered (its option was removed) stays choosable until it is changed.
      const choices = value && !options.includes(value) ? [...options, value] : options
      return (
        <Select value={value || NONE} onValueChange={(next) => onChange(next === NONE ? "" : next)} disabled={disabled}>
          <Select.Trigger id={id} data-testid={testId}>
            <Select.Value placeholder="Choose…" />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NONE}>
              <span className="text-ui-fg-muted">No choice</span>
            </Select.Item>
            {choices.map((option) => (
              <Select.Item key={option} value={option}>
                {option}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )
    }
    case "boolean":
      return (
        <div className="flex items-center gap-x-2">
          <Switch
            id={id}
            checked={value === "true"}
            onCheckedChange={(checked) => onChange(checked ? "true" : "false")}
            disabled={disabled}
            data-testid={testId}
          />
          <Text size="small" leading="compact" className="text-ui-fg-subtle" aria-hidden>
            {value === "true" ? "Yes" : value === "false" ? "No" : "Not set"}
          </Text>
        </div>
      )
    default:
      return <Input id={id} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled} data-testid={testId} />
  }
}

/** Shown next to the label of a field the customer never sees. */
export function StaffOnlyBadge() {
  return (
    <Badge size="2xsmall" color="orange" data-testid="custom-field-staff-only">
      Staff only
    </Badge>
  )
}

/** A labelled CustomFieldInput with its help text, limits, "Required" and "Staff only" marks. */
export function CustomFieldControl({
  showVisibility = true,
  ...props
}: InputProps & {
  /** Mark staff-only fields (not wanted where only customer-visible fields can appear). */
  showVisibility?: boolean
}) {
  const { field, id } = props
  const hints = [field.help_text, numberHint(field)].filter(Boolean)
  // In a drawer's form, a refused save's message about this field shows under it instead of the hints.
  const message = useFieldMessage(field.key, field.label)
  return (
    <div className="flex flex-col gap-y-2" data-testid="custom-field-control" data-field-key={field.key}>
      <div className="flex flex-wrap items-center gap-x-2">
        <Label htmlFor={id} size="small" weight="plus">
          {field.label}
          {field.required && (
            <span className="text-ui-fg-muted font-normal" aria-label="required">
              {" "}
              (required)
            </span>
          )}
        </Label>
        {showVisibility && field.visibility === "staff" && <StaffOnlyBadge />}
      </div>
      <CustomFieldInput {...props} />
      {hints.length > 0 && !message && (
        <Text size="small" className="text-ui-fg-subtle">
          {hints.join(" ")}
        </Text>
      )}
      <FieldMessage message={message} testId={`${id}-error`} />
    </div>
  )
}
