import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { CustomFieldsTable } from "./components/custom-fields-table"
import { DependentTypesSection } from "./components/dependent-types-section"

const CustomFieldsSettingsPage = () => {
  return (
    <div className="flex flex-col gap-y-4" data-testid="custom-fields-settings-page">
      <Container className="divide-y p-0" data-testid="customer-fields-settings">
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h2">Customer fields</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Extra details you keep for every customer, such as a gate code or how they heard about you. Staff fill them in on the customer page; fields the
            customer can see are also in My account in the portal.
          </Text>
        </div>
        <CustomFieldsTable target={{ target_type: "customer" }} ownerNoun="customer" testId="customer-fields" />
      </Container>
      <DependentTypesSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Custom fields",
})

export default CustomFieldsSettingsPage
