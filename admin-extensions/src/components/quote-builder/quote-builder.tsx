import { Plus, Trash } from "@medusajs/icons"
import { Button, Drawer, IconButton, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { emptyLine, emptyOption, type DraftOption, type QuoteDraftForm, useSaveQuoteDraft } from "../../lib/quotes"
import { LineEditor } from "./line-editor"
import { QuoteForFields } from "./quote-for-fields"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  customerId: string
  /** The quote whose draft is edited; none for a new quote. */
  quoteId?: string
  initial: QuoteDraftForm
  onSaved?: (quoteId: string) => void
}

/**
 * The quote builder: title, expiry, deposit and notes, then one or more options ("Good / Better /
 * Best"), each with service lines from the catalogue (price filled in, editable) and free lines.
 */
export function QuoteBuilder({ open, onOpenChange, customerId, quoteId, initial, onSaved }: Props) {
  const [form, setForm] = useState(initial)
  const save = useSaveQuoteDraft(customerId, quoteId)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (open) {
      setForm(initial)
      setError(null)
    }
    // The form starts again each time the drawer opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const set = (changes: Partial<QuoteDraftForm>) => setForm({ ...form, ...changes })
  const setOption = (index: number, option: DraftOption) => set({ options: form.options.map((existing, at) => (at === index ? option : existing)) })

  const submit = () => {
    setError(null)
    save.mutate(form, {
      onSuccess: (response) => {
        toast.success(quoteId ? "Draft saved" : "Quote drafted", { description: `${response.quote.title}: ready to send.` })
        onOpenChange(false)
        onSaved?.(response.quote.id)
      },
      onError: (failure: Error) => {
        setError(failure.message)
        toast.error("The quote was not saved", { description: failure.message })
      },
    })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content className="max-w-3xl" data-testid="quote-builder">
        <Drawer.Header>
          <Drawer.Title>{quoteId ? "Edit the draft" : "New quote"}</Drawer.Title>
          <Drawer.Description>Lines are priced from the catalogue (you may change the price) and taxed by the customer&apos;s own rules.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" htmlFor="quote-title">
              Title
            </Label>
            <Input
              id="quote-title"
              value={form.title}
              onChange={(event) => set({ title: event.target.value })}
              placeholder="End of tenancy clean"
              data-testid="quote-title"
            />
          </div>
          <QuoteForFields customerId={customerId} form={form} onChange={set} />
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <div className="flex flex-col gap-y-1">
              <Label size="small" weight="plus" htmlFor="quote-expires">
                Valid until
              </Label>
              <Input
                id="quote-expires"
                type="date"
                value={form.expires_on}
                onChange={(event) => set({ expires_on: event.target.value })}
                data-testid="quote-expires"
              />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label size="small" weight="plus">
                Deposit
              </Label>
              <Select value={form.deposit_kind} onValueChange={(value) => set({ deposit_kind: value as QuoteDraftForm["deposit_kind"] })}>
                <Select.Trigger aria-label="Deposit" data-testid="quote-deposit-kind">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="none">No deposit</Select.Item>
                  <Select.Item value="amount">An amount</Select.Item>
                  <Select.Item value="percent">A percentage</Select.Item>
                </Select.Content>
              </Select>
            </div>
            {form.deposit_kind !== "none" && (
              <div className="flex flex-col gap-y-1">
                <Label size="small" weight="plus" htmlFor="quote-deposit-value">
                  {form.deposit_kind === "percent" ? "Percent" : "Amount"}
                </Label>
                <Input
                  id="quote-deposit-value"
                  inputMode="decimal"
                  value={form.deposit_value}
                  onChange={(event) => set({ deposit_value: event.target.value })}
                  data-testid="quote-deposit-value"
                />
              </div>
            )}
          </div>
          {form.options.map((option, index) => (
            <fieldset key={option.key} className="flex flex-col gap-y-2 rounded-lg border p-3" data-testid="quote-option">
              <div className="flex items-center gap-x-2">
                <Input
                  aria-label={`Option ${index + 1}: title`}
                  value={option.title}
                  onChange={(event) => setOption(index, { ...option, title: event.target.value })}
                  data-testid="quote-option-title"
                />
                {form.options.length > 1 && (
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Remove option ${index + 1}`}
                    onClick={() => set({ options: form.options.filter((_, at) => at !== index) })}
                  >
                    <Trash />
                  </IconButton>
                )}
              </div>
              {option.lines.map((line, lineIndex) => (
                <LineEditor
                  key={line.key}
                  line={line}
                  index={lineIndex}
                  onChange={(changed) => setOption(index, { ...option, lines: option.lines.map((existing, at) => (at === lineIndex ? changed : existing)) })}
                  onRemove={
                    option.lines.length > 1 ? () => setOption(index, { ...option, lines: option.lines.filter((_, at) => at !== lineIndex) }) : undefined
                  }
                />
              ))}
              <Button
                size="small"
                variant="transparent"
                className="self-start"
                onClick={() => setOption(index, { ...option, lines: [...option.lines, emptyLine()] })}
                data-testid="quote-add-line"
              >
                <Plus /> Add a line
              </Button>
            </fieldset>
          ))}
          <Button
            size="small"
            variant="secondary"
            className="self-start"
            onClick={() => set({ options: [...form.options, emptyOption(`Option ${form.options.length + 1}`)] })}
            data-testid="quote-add-option"
          >
            <Plus /> Add an alternative option
          </Button>
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" htmlFor="quote-notes">
              Notes for the customer
            </Label>
            <Textarea id="quote-notes" value={form.notes} onChange={(event) => set({ notes: event.target.value })} data-testid="quote-notes" />
          </div>
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="quote-builder-error">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={save.isPending} data-testid="quote-builder-save">
            Save draft
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
