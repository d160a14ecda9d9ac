import { Input, Select, Textarea } from "@medusajs/ui"
import { CustomFieldControl, fromFieldText, toFieldText } from "../../components/custom-field-input"
import { EntryDrawer, FormField } from "../../components/entry-drawer"

import type {
  CustomFieldValue,
  BaseCustomField as CustomFieldDefinition,
  BaseDependentType as DependentType,
  AdminDependent as Dependent,
  AdminCreateDependent as DependentInput,
} from "@fieldservice/contract"

/** The form keeps each custom field as "<type id>.<key>", so switching type never mixes fields up. */
const fieldName = (typeId: string, key: string) => `${typeId}.${key}`

export type Editor = { open: boolean; dependent: Dependent | null }

export function DependentDrawer({
  editor,
  onOpenChange,
  types,
  onSave,
  isSaving,
}: {
  editor: Editor
  onOpenChange: (open: boolean) => void
  types: DependentType[] | undefined
  onSave: (body: Partial<DependentInput>) => Promise<unknown>
  isSaving: boolean
}) {
  const { dependent } = editor
  const sortedTypes = [...(types ?? [])].sort((a, b) => a.rank - b.rank)

  /** The fields of a type: an existing dependent's come with it (every field of its type). */
  const fieldsOf = (typeId: string): CustomFieldDefinition[] =>
    dependent && dependent.type_id === typeId ? dependent.custom_fields : (sortedTypes.find((type) => type.id === typeId)?.fields ?? [])

  const initialValues: Record<string, string> = dependent
    ? {
        type_id: dependent.type_id,
        name: dependent.name,
        notes: dependent.notes ?? "",
        ...Object.fromEntries(dependent.custom_fields.map((field) => [fieldName(dependent.type_id, field.key), toFieldText(field, field.value)])),
      }
    : {
        type_id: sortedTypes[0]?.id ?? "",
        name: "",
        notes: "",
        ...Object.fromEntries(sortedTypes.flatMap((type) => type.fields.map((field) => [fieldName(type.id, field.key), ""]))),
      }

  const toBody = (values: Partial<Record<string, string>>): Partial<DependentInput> => {
    const typeId = dependent?.type_id ?? values.type_id ?? ""
    const body: Partial<DependentInput> = {}
    if (!dependent) {
      if (!typeId) throw new Error("Choose what to add.")
      body.type_id = typeId
    }
    if (values.name !== undefined) {
      const name = values.name.trim()
      if (!name) throw new Error("Enter a name.")
      body.name = name
    }
    if (values.notes !== undefined) body.notes = values.notes.trim() || null
    const customFields: Record<string, CustomFieldValue> = {}
    for (const field of fieldsOf(typeId)) {
      const text = values[fieldName(typeId, field.key)]
      if (text === undefined) continue
      const value = fromFieldText(field, text)
      // A new one sends what was filled in; the API says which required field is missing.
      if (dependent || value !== null) customFields[field.key] = value
    }
    if (Object.keys(customFields).length > 0) body.custom_fields = customFields
    return body
  }

  const typeLabel = (typeId: string) => sortedTypes.find((type) => type.id === typeId)?.label_singular

  return (
    <EntryDrawer
      testIdPrefix="dependent"
      open={editor.open && (!!dependent || !!types)}
      onOpenChange={onOpenChange}
      isNew={!dependent}
      title={dependent ? `Edit ${dependent.name}` : "Add a dependent or asset"}
      description={
        dependent ? `A ${dependent.type_label.toLowerCase()} of this customer.` : "A pet, vehicle or anything else this customer’s visits are about."
      }
      initialValues={initialValues}
      toBody={toBody}
      onSave={onSave}
      isSaving={isSaving}
      errorFallback="It could not be saved."
    >
      {(input, { values, setValue, fieldId }) => {
        const typeId = dependent?.type_id ?? values.type_id ?? ""
        return (
          <>
            <FormField name="type_id" label="Type">
              {dependent ? (
                <Input id={fieldId("type_id")} value={dependent.type_label} disabled data-testid={fieldId("type_id")} />
              ) : (
                <Select value={values.type_id} onValueChange={(value) => setValue("type_id", value)}>
                  <Select.Trigger id={fieldId("type_id")} data-testid={fieldId("type_id")}>
                    <Select.Value placeholder="Choose…" />
                  </Select.Trigger>
                  <Select.Content>
                    {sortedTypes.map((type) => (
                      <Select.Item key={type.id} value={type.id}>
                        {type.label_singular}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            </FormField>
            <FormField name="name" label="Name" hint={typeLabel(typeId) ? `The ${typeLabel(typeId)?.toLowerCase()}’s name.` : undefined}>
              <Input autoComplete="off" {...input("name")} />
            </FormField>
            <FormField name="notes" label="Notes (optional)">
              <Textarea rows={3} {...input("notes")} />
            </FormField>
            {fieldsOf(typeId).map((field) => {
              const name = fieldName(typeId, field.key)
              return (
                <CustomFieldControl
                  key={name}
                  field={field}
                  id={fieldId(name)}
                  testId={fieldId(field.key)}
                  value={values[name]}
                  onChange={(value) => setValue(name, value)}
                />
              )
            })}
          </>
        )
      }}
    </EntryDrawer>
  )
}
