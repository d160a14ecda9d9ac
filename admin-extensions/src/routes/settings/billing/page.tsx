import { defineRouteConfig } from "@medusajs/admin-sdk"
import { useBillingSettings } from "../../../lib/invoices"
import { SettingsCard } from "../components/card-header"
import { BillingSettingsForm } from "./billing-settings-form"

/** Settings → Billing: numbering, when completed visits are invoiced, default terms, and the business as its invoices print it. */
const BillingSettingsPage = () => {
  return (
    <SettingsCard
      title="Billing"
      description="How invoices and credit notes are numbered, whether a completed visit's invoice goes out at once, the payment terms customers get unless their own are set, and your details as printed on every invoice."
      testId="billing-settings-page"
      query={useBillingSettings()}
    >
      {(data) => <BillingSettingsForm key={JSON.stringify(data.settings)} settings={data.settings} />}
    </SettingsCard>
  )
}

export const config = defineRouteConfig({ label: "Billing" })

export default BillingSettingsPage
