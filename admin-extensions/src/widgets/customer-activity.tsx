import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { formatDateTime, formatRelative } from "../lib/portal"
import { useCustomerProfile } from "../lib/profile"

/** Entries shown before "Show all". */
const FIRST = 5

/**
 * What happened to this customer's profile, newest first (the latest 50). When staff delete a
 * custom field or a dependent type that had values, the values are written here so they stay
 * readable.
 */
const CustomerActivityWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useCustomerProfile(customer.id)
  const [showAll, setShowAll] = useState(false)
  const activity = data?.profile.activity ?? []
  const shown = showAll ? activity : activity.slice(0, FIRST)

  return (
    <Container className="divide-y p-0" data-testid="customer-activity">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Activity</Heading>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The activity could not be loaded: {error.message}
        </Text>
      )}
      {data && activity.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle" size="small" data-testid="customer-activity-empty">
          Nothing recorded yet.
        </Text>
      )}
      {shown.length > 0 && (
        <ol className="flex flex-col gap-y-3 px-6 py-4" data-testid="customer-activity-list">
          {shown.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-y-0.5" data-testid="customer-activity-entry" data-kind={entry.kind}>
              <Text size="small" leading="compact" className="break-words" data-testid="customer-activity-message">
                {entry.message}
              </Text>
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                <Tooltip content={formatDateTime(entry.created_at)}>
                  <time dateTime={entry.created_at}>{formatRelative(entry.created_at)}</time>
                </Tooltip>
                {entry.actor && <span data-testid="customer-activity-actor"> · {entry.actor}</span>}
              </Text>
            </li>
          ))}
        </ol>
      )}
      {activity.length > FIRST && (
        <div className="px-6 py-3">
          <Button size="small" variant="transparent" onClick={() => setShowAll((all) => !all)} data-testid="customer-activity-toggle">
            {showAll ? "Show fewer" : `Show all ${activity.length}`}
          </Button>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerActivityWidget
