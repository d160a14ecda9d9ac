import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

/**
 * One line above the dashboard's customer list pointing to the Customer directory, which finds
 * customers by any phone number or business name, lists archived and recently deleted ones,
 * and imports and exports.
 */
const CustomerListPortalWidget = () => (
  <Container className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-6 py-3" data-testid="customer-list-portal">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      Archived customers are hidden from this list.
    </Text>
    <Link to="/crm" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small" data-testid="customer-list-portal-link">
      Search, filter, import and export in the Customer directory
    </Link>
  </Container>
)

export const config = defineWidgetConfig({
  zone: "customer.list.before",
})

export default CustomerListPortalWidget
