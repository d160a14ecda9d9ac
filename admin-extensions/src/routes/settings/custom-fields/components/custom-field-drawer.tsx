import { Input, Label, Select, Switch, Textarea } from "@medusajs/ui"
import { EntryDrawer, FormField } from "../../../../components/entry-drawer"
import {
  CUSTOM_FIELD_TYPE_LABELS,
  KEY_MAX_LENGTH,
  dropdownFieldOptions,
  numberFieldConfig,
  KEY_PATTERN,
  VISIBILITY_LABELS,
  suggestKey,
} from "../../../../lib/custom-fields"
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldConfigInput,
  type CustomFieldType,
  type CustomFieldVisibility,
  type AdminCreateCustomField as CustomFieldCreateInput,
  type BaseCustomField as CustomFieldDefinition,
  type CustomFieldTarget,
  type AdminUpdateCustomField as CustomFieldUpdateInput,
} from "@fieldservice/contract"

/** The drawer's form: every value is a string, as EntryDrawer edits them. */
export type CustomFieldForm = {
  label: string
  key: string
  type: string
  /** Number fields. */
  min: string
  max: string
  integer: string
  /** Dropdown fields: one option per line. */
  options: string
  required: string
  visibility: string
  help_text: string
}

export type CustomFieldBody = CustomFieldCreateInput | CustomFieldUpdateInput

const isType = (value: string): value is CustomFieldType => (CUSTOM_FIELD_TYPES as readonly string[]).includes(value)
const isVisibility = (value: string): value is CustomFieldVisibility => value === "customer" || value === "staff"

export function toFormValues(field: CustomFieldDefinition | null): CustomFieldForm {
  const numberConfig = field ? numberFieldConfig(field) : null
  return {
    label: field?.label ?? "",
    key: field?.key ?? "",
    type: field?.type ?? "text",
    min: numberConfig?.min != null ? String(numberConfig.min) : "",
    max: numberConfig?.max != null ? String(numberConfig.max) : "",
    integer: String(numberConfig?.integer ?? false),
    options: field ? dropdownFieldOptions(field).join("\n") : "",
    required: String(field?.required ?? false),
    // New fields are staff-only until staff choose to show them, as the API defaults.
    visibility: field?.visibility ?? "staff",
    help_text: field?.help_text ?? "",
  }
}

function parseBound(value: string, label: string): number | null {
  const text = value.trim()
  if (text === "") return null
  const number = Number(text)
  if (!Number.isFinite(number)) throw new Error(`${label} must be a number`)
  return number
}

/** The settings kept for the field's type, from the form. */
function toConfig(type: CustomFieldType, values: CustomFieldForm, isNew: boolean): CustomFieldConfigInput {
  if (type === "number") {
    const min = parseBound(values.min, "Minimum")
    const max = parseBound(values.max, "Maximum")
    if (min !== null && max !== null && min > max) throw new Error("Minimum cannot be more than the maximum")
    const config: NonNullable<CustomFieldConfigInput> = { integer: values.integer === "true" }
    // A new field leaves out the bounds it has not got; an edit sends null to clear one.
    if (min !== null || !isNew) config.min = min
    if (max !== null || !isNew) config.max = max
    return config
  }
  if (type === "dropdown") {
    const options = values.options
      .split("\n")
      .map((option) => option.trim())
      .filter(Boolean)
    if (options.length === 0) throw new Error("Add at least one option, one per line")
    const seen = new Set<string>()
    for (const option of options) {
      if (seen.has(option.toLowerCase())) throw new Error(`The option “${option}” is listed twice`)
      seen.add(option.toLowerCase())
    }
    return { options }
  }
  return null
}

const CONFIG_FIELDS: (keyof CustomFieldForm)[] = ["min", "max", "integer", "options"]

type CustomFieldDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  target: CustomFieldTarget
  /** The field being edited; null to create one. */
  field: CustomFieldDefinition | null
  /** Rank of a new field (the end of the list). */
  nextRank: number
  /** "customer", "pet": who has this field, for the drawer's description. */
  ownerNoun: string
  onSave: (body: CustomFieldBody) => Promise<unknown>
  isSaving: boolean
}

/** Create or edit one custom field: label, key (fixed once created), type and its settings, required, visibility, help. */
export function CustomFieldDrawer({ open, onOpenChange, target, field, nextRank, ownerNoun, onSave, isSaving }: CustomFieldDrawerProps) {
  const isNew = !field
  const initialValues = toFormValues(field)

  const toBody = (changed: Partial<CustomFieldForm>): CustomFieldBody => {
    // Unchanged values are the initial ones, so this is the whole form as it stands.
    const values: CustomFieldForm = { ...initialValues, ...changed }
    const label = values.label.trim()
    if (!label) throw new Error("Label is required")
    if (!isType(values.type)) throw new Error("Choose a type")
    if (!isVisibility(values.visibility)) throw new Error("Choose who can see the field")
    const helpText = values.help_text.trim()

    if (isNew) {
      const key = values.key.trim()
      if (!key) throw new Error("Key is required")
      if (!KEY_PATTERN.test(key)) {
        throw new Error("Key must be lowercase letters, digits and single underscores, starting with a letter (like gate_code)")
      }
      const body: CustomFieldCreateInput = {
        target_type: target.target_type,
        key,
        label,
        type: values.type,
        required: values.required === "true",
        visibility: values.visibility,
        rank: nextRank,
        help_text: helpText || null,
      }
      if (target.target_type === "dependent_type") body.target_id = target.target_id
      const config = toConfig(values.type, values, true)
      if (config) body.config = config
      return body
    }

    const body: CustomFieldUpdateInput = {}
    if (changed.label !== undefined) body.label = label
    if (changed.required !== undefined) body.required = values.required === "true"
    if (changed.visibility !== undefined) body.visibility = values.visibility
    if (changed.help_text !== undefined) body.help_text = helpText || null
    if (CONFIG_FIELDS.some((name) => changed[name] !== undefined)) body.config = toConfig(values.type, values, false)
    return body
  }

  return (
    <EntryDrawer<CustomFieldForm, CustomFieldBody>
      testIdPrefix="custom-field"
      open={open}
      onOpenChange={onOpenChange}
      isNew={isNew}
      title={field ? `Edit “${field.label}”` : "Add a field"}
      description={`Kept for each ${ownerNoun}. Fields the customer can see are also filled in from the customer portal.`}
      initialValues={initialValues}
      toBody={toBody}
      onSave={onSave}
      isSaving={isSaving}
      errorFallback="The field could not be saved."
    >
      {(bind, { values, setValue, fieldId }) => {
        const type = isType(values.type) ? values.type : "text"
        return (
          <>
            <FormField name="label" label="Label">
              <Input
                {...bind("label")}
                onChange={(event) => {
                  const label = event.target.value
                  // The key follows the label until staff type a key of their own.
                  if (isNew && (values.key === "" || values.key === suggestKey(values.label))) {
                    setValue("key", suggestKey(label))
                  }
                  setValue("label", label)
                }}
              />
            </FormField>
            <FormField
              name="key"
              label="Key"
              hint={
                isNew ? "Used by the API and in exports: lowercase letters, digits and underscores. It cannot be changed later." : "The key cannot be changed."
              }
            >
              <Input {...bind("key")} maxLength={KEY_MAX_LENGTH} disabled={!isNew} autoComplete="off" spellCheck={false} />
            </FormField>
            <FormField name="type" label="Type" hint={isNew ? undefined : "The type cannot be changed."}>
              <Select value={type} onValueChange={(value) => setValue("type", value)} disabled={!isNew}>
                <Select.Trigger id={fieldId("type")} data-testid={fieldId("type")}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {CUSTOM_FIELD_TYPES.map((option) => (
                    <Select.Item key={option} value={option} data-testid={`custom-field-type-${option}`}>
                      {CUSTOM_FIELD_TYPE_LABELS[option]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            {type === "number" && (
              <>
                <div className="grid grid-cols-2 gap-x-4">
                  <FormField name="min" label="Minimum (optional)">
                    <Input type="number" {...bind("min")} />
                  </FormField>
                  <FormField name="max" label="Maximum (optional)">
                    <Input type="number" {...bind("max")} />
                  </FormField>
                </div>
                <SwitchField
                  id={fieldId("integer")}
                  label="Whole numbers only"
                  checked={values.integer === "true"}
                  onChange={(checked) => setValue("integer", String(checked))}
                />
              </>
            )}
            {type === "dropdown" && (
              <FormField name="options" label="Options" hint="One option per line, in the order they are offered.">
                <Textarea rows={5} {...bind("options")} />
              </FormField>
            )}
            <SwitchField
              id={fieldId("required")}
              label="Required"
              checked={values.required === "true"}
              onChange={(checked) => setValue("required", String(checked))}
            />
            <FormField name="visibility" label="Visibility">
              <Select value={values.visibility} onValueChange={(value) => setValue("visibility", value)}>
                <Select.Trigger id={fieldId("visibility")} data-testid={fieldId("visibility")}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {(Object.keys(VISIBILITY_LABELS) as CustomFieldVisibility[]).map((option) => (
                    <Select.Item key={option} value={option} data-testid={`custom-field-visibility-${option}`}>
                      {VISIBILITY_LABELS[option]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <FormField name="help_text" label="Help text (optional)" hint="Shown under the field where it is filled in.">
              <Textarea rows={3} {...bind("help_text")} />
            </FormField>
          </>
        )
      }}
    </EntryDrawer>
  )
}

function SwitchField({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex items-center gap-x-3">
      <Switch id={id} checked={checked} onCheckedChange={onChange} data-testid={id} />
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
    </div>
  )
}
