import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { useBillingSettings } from "../../../lib/invoices"
import { CardHeader } from "../components/card-header"
import { BillingSettingsForm } from "./billing-settings-form"

/** Settings → Billing: numbering, when completed visits are invoiced, default terms, and the business as its invoices print it. */
const BillingSettingsPage = () => {
  const { data, isLoading, error } = useBillingSettings()
  return (
    <Container className="divide-y p-0" data-testid="billing-settings-page">
      <CardHeader
        title="Billing"
        description="How invoices and credit notes are numbered, whether a completed visit's invoice goes out at once, the payment terms customers get unless their own are set, and your details as printed on every invoice."
      />
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading settings…
        </Text>
      )}
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" size="small">
          The settings could not be loaded: {error.message}
        </Text>
      )}
      {data && <BillingSettingsForm key={JSON.stringify(data.settings)} settings={data.settings} />}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Billing" })

export default BillingSettingsPage
