import { Button, Drawer, Label, Text, usePrompt } from "@medusajs/ui"
import { type ChangeEvent, type FormEvent, type ReactNode, createContext, useCallback, useContext, useEffect, useRef, useState } from "react"
import { type FormMessage, formMessages } from "../lib/field-errors"
import { DISCARD_CHANGES_PROMPT } from "../lib/unsaved-changes"

/** Form state: every field is edited as a string and converted to the API's types on save. */
type FormValues = Record<string, string>

/** Props for an Input or Textarea bound to one form value. */
export type BindField<V extends FormValues> = (name: keyof V & string) => {
  id: string
  name: string
  value: string
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void
  "data-testid": string
}

/** For fields an Input can't bind to, such as a Select. */
export type FormControls<V extends FormValues> = {
  values: V
  setValue: (name: keyof V & string, value: string) => void
  /** The id and data-testid of a field. */
  fieldId: (name: keyof V & string) => string
}

type EntryDrawerProps<V extends FormValues, B> = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /**
   * Prefix of the drawer's test ids and field ids: `<prefix>-drawer`, `-error`, `-save`, `-cancel`
   * and `-field-<name>`.
   */
  testIdPrefix: string
  /** Creating a new entry (every value is saved) rather than editing one (only changed values are). */
  isNew: boolean
  title: string
  description: string
  initialValues: V
  /** Turns the values to save into the request body; may throw an Error whose message is shown. */
  toBody: (values: Partial<V>) => B
  onSave: (body: B) => Promise<unknown>
  isSaving: boolean
  /** Shown when a save fails without a message of its own. */
  errorFallback?: string
  /** API field names the form calls otherwise (e.g. `{ areas: "postcode_areas" }`), for placing their messages. */
  fieldFor?: Record<string, string>
  children: (field: BindField<V>, form: FormControls<V>) => ReactNode
}

/**
 * For a drawer's onOpenChange: closing while `dirty.current` (set by the form on every render)
 * asks whether to discard the changes. A save closes through the plain onOpenChange instead.
 */
export function useDiscardGuard(onOpenChange: (open: boolean) => void) {
  const prompt = usePrompt()
  const dirty = useRef(false)
  const requestOpenChange = (next: boolean) => {
    if (next || !dirty.current) return onOpenChange(next)
    // Asked once the key event has finished: the prompt closes on any Escape it hears, this one too.
    setTimeout(() => void prompt(DISCARD_CHANGES_PROMPT).then((discard) => discard && onOpenChange(false)), 0)
  }
  return { dirty, requestOpenChange }
}

/** What a FormField needs from its form: its field's id, where to say its label, and its message. */
type FieldContext = { fieldId: (name: string) => string; registerLabel: (name: string, label: string) => void; messageFor: (name: string) => string | null }
const FieldContext = createContext<FieldContext | null>(null)

/**
 * A drawer with a create/edit form, Save and Cancel, which shows why a save failed. Closing it
 * with changes not saved (Esc, Cancel, the close button, a click outside) asks first.
 */
export function EntryDrawer<V extends FormValues, B>({ open, onOpenChange, title, description, ...form }: EntryDrawerProps<V, B>) {
  const { dirty, requestOpenChange } = useDiscardGuard(onOpenChange)
  return (
    <Drawer open={open} onOpenChange={requestOpenChange}>
      <Drawer.Content data-testid={`${form.testIdPrefix}-drawer`}>
        <Drawer.Header>
          {/* Radix renders the title as an h2; these are Heading's h2 styles. */}
          <Drawer.Title className="h2-core font-sans font-medium">{title}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">{description}</Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open, so each opening starts from the entry's current values. */}
        <EntryForm {...form} dirty={dirty} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}

function EntryForm<V extends FormValues, B>({
  testIdPrefix,
  isNew,
  initialValues,
  toBody,
  onSave,
  isSaving,
  errorFallback = "The changes could not be saved.",
  fieldFor,
  children,
  dirty,
  onDone,
}: Omit<EntryDrawerProps<V, B>, "open" | "onOpenChange" | "title" | "description"> & { dirty: { current: boolean }; onDone: () => void }) {
  const [values, setValues] = useState<V>(initialValues)
  // A save's messages: each beside its field, the rest (no field named) above the form. Shown once, no toast.
  const [messages, setMessages] = useState<FormMessage[]>([])
  const labels = useRef<Record<string, string>>({})
  dirty.current = Object.keys(values).some((name) => values[name] !== initialValues[name])

  const fieldId = useCallback((name: string) => `${testIdPrefix}-field-${name}`, [testIdPrefix])
  const setValue = (name: keyof V & string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setMessages((current) => (current.some((message) => message.field === name) ? current.filter((message) => message.field !== name) : current))
  }
  const context: FieldContext = {
    fieldId,
    registerLabel: useCallback((name: string, label: string) => {
      labels.current[name] = label.replace(/\s*\(optional\)$/i, "")
    }, []),
    messageFor: (name) => messages.find((message) => message.field === name)?.message ?? null,
  }

  const field: BindField<V> = (name) => ({
    id: fieldId(name),
    name,
    value: values[name],
    onChange: (event) => setValue(name, event.target.value),
    "data-testid": fieldId(name),
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // A new entry sends every value; an edit only what changed.
    const changed = Object.fromEntries(Object.entries(values).filter(([name, value]) => isNew || value !== initialValues[name])) as Partial<V>
    if (!isNew && Object.keys(changed).length === 0) {
      onDone()
      return
    }
    setMessages([])
    let body: B | undefined
    try {
      body = toBody(changed)
      await onSave(body)
      onDone()
    } catch (caught) {
      setMessages(formMessages(caught, labels.current, { body, fieldFor, fallback: errorFallback }))
    }
  }

  const formError = messages
    .filter((message) => message.field === null)
    .map((message) => message.message)
    .join(" ")
  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <FormError error={formError || null} testId={`${testIdPrefix}-error`} />
        <FieldContext.Provider value={context}>{children(field, { values, setValue, fieldId })}</FieldContext.Provider>
      </Drawer.Body>
      <FormFooter testIdPrefix={testIdPrefix} isSaving={isSaving} />
    </form>
  )
}

/** Why the last save failed, if it did. */
export function FormError({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null
  return (
    <div role="alert" className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2" data-testid={testId}>
      <Text size="small" className="text-ui-fg-error">
        {error}
      </Text>
    </div>
  )
}

/** A drawer form's Cancel (closes the drawer) and Save (submits the form): `<prefix>-cancel`, `<prefix>-save`. */
export function FormFooter({ testIdPrefix, isSaving }: { testIdPrefix: string; isSaving: boolean }) {
  return (
    <Drawer.Footer>
      <Drawer.Close asChild>
        <Button size="small" variant="secondary" type="button" data-testid={`${testIdPrefix}-cancel`}>
          Cancel
        </Button>
      </Drawer.Close>
      <Button size="small" type="submit" isLoading={isSaving} data-testid={`${testIdPrefix}-save`}>
        Save
      </Button>
    </Drawer.Footer>
  )
}

/**
 * A labelled field of an EntryDrawer's form; `name` must match the one given to the field binder.
 * A refused save's message about this field shows under it (`<field id>-error`).
 */
export function FormField({ name, label, hint, children }: { name: string; label: string; hint?: string; children: ReactNode }) {
  const form = useContext(FieldContext)
  const message = useFieldMessage(name, label)
  if (!form) throw new Error("FormField must be rendered inside an EntryDrawer.")
  const { fieldId } = form
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={fieldId(name)} size="small" weight="plus">
        {label}
      </Label>
      {children}
      {hint && !message && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      <FieldMessage message={message} testId={`${fieldId(name)}-error`} />
    </div>
  )
}

/**
 * Inside an EntryDrawer: registers the field's label (for the messages' wording) and answers the
 * refused save's message about it. Outside one: null.
 */
export function useFieldMessage(name: string, label: string): string | null {
  const form = useContext(FieldContext)
  const registerLabel = form?.registerLabel
  useEffect(() => registerLabel?.(name, label), [registerLabel, name, label])
  return form?.messageFor(name) ?? null
}

/** A refused save's message under the field it is about. */
export function FieldMessage({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null
  return (
    <Text size="small" role="alert" className="text-ui-fg-error" data-testid={testId}>
      {message}
    </Text>
  )
}
