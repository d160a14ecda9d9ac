import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { COMPLAINT_STATUS_COLORS, useComplaintList } from "../lib/complaints"

const SHOWN = 5

/** Customer page → "Complaints": their latest complaints with status and age, and "View all" (the Complaints page for them). */
const CustomerComplaintsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useComplaintList(new URLSearchParams({ customer_id: customer.id, limit: String(SHOWN) }).toString())
  const complaints = data?.complaints ?? []
  return (
    <Container className="divide-y p-0" data-testid="customer-complaints">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Complaints</Heading>
        <Link
          to={`/complaints?${new URLSearchParams({ customer_id: customer.id })}`}
          className="txt-compact-small text-ui-fg-interactive"
          data-testid="customer-complaints-all"
        >
          View all
        </Link>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading complaints…
          </Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error">
            The complaints could not be loaded: {error.message}
          </Text>
        ) : complaints.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-complaints-empty">
            No complaints.
          </Text>
        ) : (
          complaints.map((complaint) => (
            <Link
              key={complaint.id}
              to={`/complaints/${complaint.id}`}
              className="flex items-center justify-between gap-x-2"
              data-testid="customer-complaints-row"
            >
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus" className="text-ui-fg-interactive">
                  {complaint.number}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {COMPLAINT_CATEGORY_LABELS[complaint.category]} · {complaint.age}
                </Text>
              </div>
              <Badge size="2xsmall" color={COMPLAINT_STATUS_COLORS[complaint.status]}>
                {COMPLAINT_STATUS_LABELS[complaint.status]}
              </Badge>
            </Link>
          ))
        )}
        {data && data.count > complaints.length && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {data.count} complaints in all
          </Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.before" })

export default CustomerComplaintsWidget
