import { Button, Drawer, Label, Text, toast } from "@medusajs/ui"
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from "react"

/** Form state: every field is edited as a string and converted to the API's types on save. */
type FormValues = Record<string, string>

const fieldId = (name: string) => `content-field-${name}`

/** Props for an Input or Textarea bound to one form value. */
export type BindField<V extends FormValues> = (name: keyof V & string) => {
  id: string
  name: string
  value: string
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void
  "data-testid": string
}

type EntryDrawerProps<V extends FormValues, B> = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Creating a new entry (every value is saved) rather than editing one (only changed values are). */
  isNew: boolean
  title: string
  initialValues: V
  /** Turns the values to save into the request body; may throw an Error whose message is shown. */
  toBody: (values: Partial<V>) => B
  onSave: (body: B) => Promise<unknown>
  isSaving: boolean
  children: (field: BindField<V>) => ReactNode
}

/** A drawer with a create/edit form, Save and Cancel, which shows why a save failed. */
export function EntryDrawer<V extends FormValues, B>({ open, onOpenChange, title, ...form }: EntryDrawerProps<V, B>) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="content-drawer">
        <Drawer.Header>
          {/* Radix renders the title as an h2; these are Heading's h2 styles. */}
          <Drawer.Title className="h2-core font-sans font-medium">{title}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            Shown on the customer portal’s Support page.
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open, so each opening starts from the entry's current values. */}
        <EntryForm {...form} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}

function EntryForm<V extends FormValues, B>({
  isNew,
  initialValues,
  toBody,
  onSave,
  isSaving,
  children,
  onDone,
}: Omit<EntryDrawerProps<V, B>, "open" | "onOpenChange" | "title"> & { onDone: () => void }) {
  const [values, setValues] = useState<V>(initialValues)
  const [error, setError] = useState<string | null>(null)

  const field: BindField<V> = (name) => ({
    id: fieldId(name),
    name,
    value: values[name],
    onChange: (event) => {
      const { value } = event.target
      setValues((current) => ({ ...current, [name]: value }))
    },
    "data-testid": fieldId(name),
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const changed = Object.fromEntries(
      Object.entries(values).filter(([name, value]) => isNew || value !== initialValues[name])
    ) as Partial<V>
    if (!isNew && Object.keys(changed).length === 0) {
      onDone()
      return
    }
    setError(null)
    try {
      await onSave(toBody(changed))
      onDone()
    } catch (caught) {
      const message = caught instanceof Error && caught.message ? caught.message : "The changes could not be saved."
      setError(message)
      toast.error(message)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {error && (
          <div
            role="alert"
            className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2"
            data-testid="content-error"
          >
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          </div>
        )}
        {children(field)}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" data-testid="content-cancel">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={isSaving} data-testid="content-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** A labelled form field; `name` must match the one given to the field binder. */
export function FormField({ name, label, hint, children }: { name: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={fieldId(name)} size="small" weight="plus">
        {label}
      </Label>
      {children}
      {hint && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}
