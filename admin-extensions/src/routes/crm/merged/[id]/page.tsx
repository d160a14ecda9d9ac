import { type AdminMergedCustomerResponse, formatPhone } from "@fieldservice/contract"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link, useParams } from "react-router-dom"
import { customerName, formatDay } from "../../../../lib/customer-merge"
import { sdk } from "../../../../lib/sdk"

/**
 * A merged customer's record, read-only. Medusa's own customer page can't open a deleted
 * customer, and a merged one can't be restored (its data moved), so links to it land here: who
 * it was, when it was merged and by whom, and a link to the customer that now holds everything.
 */
const MergedCustomerPage = () => {
  const { id = "" } = useParams()
  const merged = useQuery({
    queryKey: ["crm-merged-customer", id],
    queryFn: () => sdk.client.fetch<AdminMergedCustomerResponse>(`/admin/crm/merged-customers/${id}`),
    retry: false,
  })
  if (merged.isLoading) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      </Container>
    )
  }
  if (!merged.data) {
    return (
      <Container className="flex items-center gap-x-2 px-6 py-4" data-testid="merged-customer-error">
        <ExclamationCircle className="text-ui-fg-error" />
        <Text size="small">
          {merged.error?.message ?? "This record could not be loaded."}{" "}
          <Link to="/crm" className="text-ui-fg-interactive">
            Back to the customer directory
          </Link>
        </Text>
      </Container>
    )
  }
  const customer = merged.data.merged_customer
  const kept = customer.merged_into
  const keptPage = kept.status === "merged" ? `/crm/merged/${kept.id}` : `/customers/${kept.id}`
  const moved = customer.counts.filter((count) => count.moved + count.added > 0)
  return (
    <div className="flex flex-col gap-y-3" data-testid="merged-customer">
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h1">{customerName(customer)}</Heading>
          <Badge size="2xsmall" color="grey">
            Merged
          </Badge>
        </div>
        <Text size="small" data-testid="merged-customer-into">
          Merged into{" "}
          {kept.status === "deleted" ? (
            <strong>{customerName(kept)}</strong>
          ) : (
            <Link to={keptPage} className="text-ui-fg-interactive" data-testid="merged-customer-into-link">
              {customerName(kept)}
            </Link>
          )}
          {kept.email && kept.name ? ` (${kept.email})` : ""} on {formatDay(customer.merged_at)}
          {customer.merged_by ? ` by ${customer.merged_by}` : ""}. All their records are there now; this record is read-only and can't be restored.
          {kept.status === "deleted" ? " That customer was deleted since." : ""}
        </Text>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Details at the time of the merge</Heading>
        </div>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 px-6 py-4 text-sm">
          <dt className="text-ui-fg-subtle">Email</dt>
          <dd data-testid="merged-customer-email">{customer.email ?? "—"}</dd>
          <dt className="text-ui-fg-subtle">Phone</dt>
          <dd data-testid="merged-customer-phone">{customer.phone ? formatPhone(customer.phone) : "—"}</dd>
          <dt className="text-ui-fg-subtle">Company</dt>
          <dd>{customer.company_name ?? "—"}</dd>
          <dt className="text-ui-fg-subtle">Customer since</dt>
          <dd>{formatDay(customer.created_at)}</dd>
        </dl>
        {moved.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Moved to {customerName(kept)}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">How many</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {moved.map((count) => (
                <Table.Row key={count.kind}>
                  <Table.Cell>{count.label}</Table.Cell>
                  <Table.Cell className="text-right">{count.moved + count.added}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
    </div>
  )
}

export default MergedCustomerPage
