import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { AdminPortalLoginsResponse } from "@fieldservice/contract"
import { sdk } from "../lib/sdk"
import { LoginsChart } from "../components/logins-chart"

/**
 * "Portal log-ins, last 30 days" where staff land: Medusa's admin has no home page of its own (it
 * opens on Orders) and no widget zone for one, so the chart sits above the orders list.
 */
const PortalLoginsWidget = () => {
  const { data, isLoading, error } = useQuery({
    queryKey: ["portal-log-ins", 30],
    queryFn: () => sdk.client.fetch<AdminPortalLoginsResponse>("/admin/portal/log-ins", { query: { days: 30 } }),
  })
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="portal-log-ins">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <Heading level="h2">Portal log-ins, last 30 days</Heading>
        {data && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="portal-log-ins-total">
            {data.total} sign-in{data.total === 1 ? "" : "s"} by {data.customers} customer{data.customers === 1 ? "" : "s"}
          </Text>
        )}
      </div>
      {isLoading && <Text size="small">Loading…</Text>}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          The log-ins could not be loaded: {error.message}
        </Text>
      )}
      {data && <LoginsChart days={data.days} />}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.list.before" })

export default PortalLoginsWidget
