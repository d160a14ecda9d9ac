import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { RatingsCard } from "../components/ratings-list"

/** Customer page → "Ratings": the stars and comments they gave their visits. */
const CustomerRatingsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <RatingsCard filters={{ customer_id: customer.id }} show={{ booking: true, fieldworker: true }} testId="customer-ratings" />
)

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerRatingsWidget
