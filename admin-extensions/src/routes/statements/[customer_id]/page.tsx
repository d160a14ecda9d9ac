import { Container, Heading, Text } from "@medusajs/ui"
import { Link, useParams, useSearchParams } from "react-router-dom"
import { useStatement } from "../../../lib/statements"
import { StatementAgeing } from "./components/statement-ageing"
import { StatementEntries } from "./components/statement-entries"
import { StatementHeader } from "./components/statement-header"

/**
 * A customer's account statement (seed 003): pick a period, see the balance brought forward, each
 * invoice, credit note, payment and refund with the running balance, the closing balance and how
 * old what is owed is; download or print the PDF, or email it to the customer.
 */
const StatementPage = () => {
  const { customer_id: customerId = "" } = useParams()
  const [search, setSearch] = useSearchParams()
  const period = { from: search.get("from") ?? undefined, to: search.get("to") ?? undefined }
  const { data, isLoading, error } = useStatement(customerId, period)

  if (isLoading) {
    return (
      <Container>
        <Text size="small">Loading the statement…</Text>
      </Container>
    )
  }
  if (error || !data) {
    return (
      <Container className="flex flex-col gap-y-2" data-testid="statement-load-error">
        <Heading level="h1">Account statement</Heading>
        <Text size="small" className="text-ui-fg-error">
          The statement could not be loaded: {error?.message ?? "not found"}
        </Text>
        <Link to={customerId ? `/statements/${customerId}` : "/crm"} className="txt-compact-small text-ui-fg-interactive">
          Back to the last 12 months
        </Link>
      </Container>
    )
  }
  const { statement } = data
  return (
    <div className="flex flex-col gap-y-3" data-testid="statement-page" data-customer-id={customerId}>
      <StatementHeader statement={statement} onPeriod={(next) => setSearch(next)} />
      <StatementEntries statement={statement} />
      <StatementAgeing statement={statement} />
    </div>
  )
}

export default StatementPage

export const handle = { breadcrumb: () => "Account statement" }
