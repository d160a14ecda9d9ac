import { formatMoney, type AccountStatement } from "@fieldservice/contract"
import { Button, Container, Heading, Input, Label, Text, toast, usePrompt } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { Link } from "react-router-dom"
import { adminLocale } from "../../../../lib/directory"
import { formatPeriodDay, statementPdfUrl, useEmailStatement } from "../../../../lib/statements"

/** Prints the PDF from a hidden frame; where the browser won't, it opens in a new tab to print from there. */
function printPdf(url: string) {
  const frame = document.createElement("iframe")
  frame.style.display = "none"
  frame.src = url
  frame.onload = () => {
    try {
      frame.contentWindow?.focus()
      frame.contentWindow?.print()
    } catch {
      window.open(url, "_blank", "noopener")
    }
    setTimeout(() => frame.remove(), 60_000)
  }
  document.body.appendChild(frame)
}

export function StatementHeader({ statement, onPeriod }: { statement: AccountStatement; onPeriod: (period: { from: string; to: string }) => void }) {
  const locale = adminLocale()
  const money = (amount: number) => formatMoney(amount, statement.currency_code)
  const { customer, period } = statement
  const [from, setFrom] = useState(period.from)
  const [to, setTo] = useState(period.to)
  const email = useEmailStatement(customer.id)
  const prompt = usePrompt()
  const pdfUrl = statementPdfUrl(customer.id, period)

  const apply = (event: FormEvent) => {
    event.preventDefault()
    if (from && to) onPeriod({ from, to })
  }
  const send = async () => {
    const confirmed = await prompt({
      title: "Email the statement?",
      description: `The statement for ${formatPeriodDay(period.from, locale)} to ${formatPeriodDay(period.to, locale)}, with its PDF, goes to ${customer.email} from you.`,
      confirmText: "Send",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    email.mutate(period, {
      onSuccess: (result) => toast.success(`Statement emailed to ${result.sent_to}`),
      onError: (error) => toast.error(error.message || "The statement could not be sent."),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Account statement</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="statement-customer">
            <Link to={`/customers/${customer.id}`} className="text-ui-fg-interactive">
              {customer.name}
            </Link>
            {customer.company && customer.company !== customer.name ? `, ${customer.company}` : ""} · {customer.email}
          </Text>
          {customer.address_lines.length > 0 && (
            <Text size="small" className="text-ui-fg-muted">
              {customer.address_lines.join(", ")}
            </Text>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="small" variant="secondary" asChild>
            <a href={pdfUrl} download data-testid="statement-download">
              Download PDF
            </a>
          </Button>
          <Button size="small" variant="secondary" onClick={() => printPdf(pdfUrl)} data-testid="statement-print">
            Print
          </Button>
          <Button size="small" onClick={() => void send()} isLoading={email.isPending} data-testid="statement-email">
            Email to customer
          </Button>
        </div>
      </div>
      <form onSubmit={apply} className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="statement-period">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="statement-from">
            From
          </Label>
          <Input id="statement-from" type="date" size="small" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="statement-to">
            To
          </Label>
          <Input id="statement-to" type="date" size="small" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
        </div>
        <Button size="small" variant="secondary" type="submit" disabled={!from || !to} data-testid="statement-apply">
          Show
        </Button>
      </form>
      <dl className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
        <Figure label="Opening balance" value={money(statement.opening_balance)} testId="statement-opening" />
        <Figure label="Invoiced and refunded" value={money(statement.total_debits)} testId="statement-debits" />
        <Figure label="Paid and credited" value={money(statement.total_credits)} testId="statement-credits" />
        <Figure label="Closing balance" value={money(statement.closing_balance)} testId="statement-closing" strong />
      </dl>
    </Container>
  )
}

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div className="flex flex-col gap-y-1">
      <dt>
        <Text size="small" className="text-ui-fg-subtle">
          {label}
        </Text>
      </dt>
      <dd>
        <Text size="large" weight={strong ? "plus" : "regular"} data-testid={testId}>
          {value}
        </Text>
      </dd>
    </div>
  )
}
