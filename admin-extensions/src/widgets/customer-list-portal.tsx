import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { type ArchivedCustomersResponse, type DeletedCustomersResponse, portalQueryKeys } from "../lib/portal"
import { sdk } from "../lib/sdk"

/**
 * One line above the dashboard's customer list saying where archived and recently deleted customers went.
 * Shares its queries with Settings → Customer portal, so unarchiving or restoring there updates the counts.
 */
const CustomerListPortalWidget = () => {
  const archived = useQuery({
    queryKey: portalQueryKeys.archivedCustomers,
    queryFn: () => sdk.client.fetch<ArchivedCustomersResponse>("/admin/portal/archived-customers"),
  })
  const deleted = useQuery({
    queryKey: portalQueryKeys.deletedCustomers,
    queryFn: () => sdk.client.fetch<DeletedCustomersResponse>("/admin/portal/deleted-customers"),
  })

  if (archived.isLoading || deleted.isLoading) return null

  // A list that failed to load is left out rather than shown as 0.
  const archivedCount = archived.data?.customers.length
  const deletedCount = deleted.data?.customers.length
  if (!archivedCount && !deletedCount) return null

  return (
    <Container
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-6 py-3"
      data-testid="customer-list-portal"
    >
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        Archived customers are hidden from this list.
      </Text>
      <Link
        to="/settings/customer-portal"
        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
        data-testid="customer-list-portal-link"
      >
        {archivedCount !== undefined && <span data-testid="customer-list-portal-archived">Archived: {archivedCount}</span>}
        {archivedCount !== undefined && deletedCount !== undefined && " · "}
        {deletedCount !== undefined && (
          <span data-testid="customer-list-portal-deleted">Deleted in the last 30 days: {deletedCount}</span>
        )}
      </Link>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.list.before",
})

export default CustomerListPortalWidget
