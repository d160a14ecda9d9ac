import type { Invoice } from "@fieldservice/contract"
import { Button, Label, Prompt, Text, Textarea, toast } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { useInvoiceAction } from "../../../../lib/invoices"

/** Void asks first, with the reason kept on the invoice; a paid invoice is refunded or credited instead (the API says so). */
export function VoidPrompt({ invoice, open, onOpenChange }: { invoice: Invoice; open: boolean; onOpenChange: (open: boolean) => void }) {
  const action = useInvoiceAction(invoice)
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) return setError("Say why the invoice is void; it is kept with it.")
    setError(null)
    try {
      await action.mutateAsync({ kind: "void", body: { reason: reason.trim() } })
      toast.success(`${invoice.number ?? "The draft"} is void`)
      onOpenChange(false)
    } catch (caught) {
      setError((caught as Error).message || "The invoice could not be voided.")
    }
  }
  return (
    <Prompt variant="danger" open={open} onOpenChange={onOpenChange}>
      <Prompt.Content data-testid="invoice-void-prompt">
        <form onSubmit={submit} noValidate>
          <Prompt.Header>
            <Prompt.Title>Void {invoice.number ?? "this draft"}?</Prompt.Title>
            <Prompt.Description>
              A void invoice is no longer owed and can't be changed again. The customer keeps seeing it, marked void. To take off only part of it, issue a
              credit note instead.
            </Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pb-4">
            <Label htmlFor="invoice-void-reason" size="small" weight="plus">
              Reason
            </Label>
            <Textarea id="invoice-void-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="invoice-void-reason" />
            {error && (
              <Text size="small" role="alert" className="text-ui-fg-error" data-testid="invoice-void-error">
                {error}
              </Text>
            )}
          </div>
          <Prompt.Footer>
            <Prompt.Cancel type="button">Cancel</Prompt.Cancel>
            <Button size="small" variant="danger" type="submit" isLoading={action.isPending} data-testid="invoice-void-confirm">
              Void invoice
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
