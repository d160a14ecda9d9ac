import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { attemptStatusText, useAutomaticPayment, useTurnOffAutomaticPayment } from "../lib/automatic-payments"
import { formatMoney } from "../lib/bookings"
import { formatDateTime, formatDay } from "../lib/portal"

const who = (person: { type: string; name?: string | null; email?: string | null } | null) =>
  !person ? "" : person.type === "customer" ? "the customer" : person.type === "staff" ? person.name || person.email || "staff" : "the system"

const brandName = (brand: string) => `${brand[0]?.toUpperCase() ?? ""}${brand.slice(1)}`

/**
 * Customer page → "Automatic payment": on or off, who agreed and when, the card it charges, and
 * the latest tries with their failures. Staff can turn it off; only the customer turns it on.
 */
const CustomerAutomaticPaymentWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useAutomaticPayment(customer.id)
  const turnOff = useTurnOffAutomaticPayment(customer.id)
  const prompt = usePrompt()
  const setting = data?.automatic_payment

  const onTurnOff = async () => {
    const confirmed = await prompt({
      title: "Turn off automatic payment?",
      description:
        "This customer's invoices won't be charged to their card any more, retries included. Only the customer can turn it back on, from their portal.",
      confirmText: "Turn off",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    turnOff.mutate(undefined, {
      onSuccess: () => toast.success("Automatic payment turned off"),
      onError: (failure: Error) => toast.error(failure.message),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="customer-automatic-payment">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Automatic payment</Heading>
          {setting && (
            <Badge size="2xsmall" color={setting.enabled ? "green" : "grey"} data-testid="automatic-payment-state">
              {setting.enabled ? "On" : "Off"}
            </Badge>
          )}
        </div>
        {setting?.enabled && (
          <Button size="small" variant="secondary" isLoading={turnOff.isPending} onClick={onTurnOff} data-testid="automatic-payment-turn-off">
            Turn off
          </Button>
        )}
      </div>
      {isLoading && <Text className="text-ui-fg-subtle px-6 py-4">Loading…</Text>}
      {error && <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>}
      {setting && (
        <div className="px-6 py-4" data-testid="automatic-payment-summary">
          {setting.enabled ? (
            <Text size="small">
              Invoices are charged on their due date to the default card
              {setting.default_card ? ` (${brandName(setting.default_card.brand)} ending ${setting.default_card.last4})` : ", but there is no saved card"}.
              Agreed by {who(setting.consented_by)} on {formatDateTime(setting.consented_at)}
              {setting.consented_card ? ` with ${setting.consented_card}` : ""}.
            </Text>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {setting.turned_off_at
                ? `Turned off by ${who(setting.turned_off_by)} on ${formatDateTime(setting.turned_off_at)}. Only the customer can turn it back on, in their portal.`
                : "Not set up. The customer can agree to it on their portal's Payments page, once they have saved a card."}
            </Text>
          )}
        </div>
      )}
      {data && data.attempts.length > 0 && (
        <div className="px-6 py-4">
          <Text size="small" weight="plus" className="mb-2">
            Latest automatic payments
          </Text>
          <Table data-testid="automatic-payment-attempts">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Invoice</Table.HeaderCell>
                <Table.HeaderCell>Try</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                <Table.HeaderCell>Result</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.attempts.map((attempt) => (
                <Table.Row key={attempt.id} data-testid="automatic-payment-attempt">
                  <Table.Cell>{formatDateTime(attempt.attempted_at)}</Table.Cell>
                  <Table.Cell>
                    <Link to={`/invoices/${attempt.invoice_id}`} className="text-ui-fg-interactive">
                      {attempt.invoice_number ?? attempt.invoice_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{attempt.attempt}</Table.Cell>
                  <Table.Cell className="text-right">
                    {attempt.amount !== null && attempt.currency_code ? formatMoney(attempt.amount, attempt.currency_code) : "—"}
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="small" className={attempt.status === "failed" ? "text-ui-fg-error" : undefined}>
                      {attemptStatusText(attempt, formatDay)}
                    </Text>
                    {attempt.message && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {attempt.message}
                      </Text>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "customer-automatic-payment",
  zone: "customer.details.after",
})

export default CustomerAutomaticPaymentWidget
