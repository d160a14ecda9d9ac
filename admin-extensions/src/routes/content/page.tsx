import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Heading, Tabs, Text } from "@medusajs/ui"
import { FaqsTab } from "./components/faqs-tab"
import { TermsTab } from "./components/terms-tab"

const HelpContentPage = () => {
  return (
    <div className="flex flex-col gap-y-4" data-testid="content-page">
      <div className="flex flex-col gap-y-1">
        <Heading level="h1">Help content</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          These FAQs and terms appear on the customer portal’s Support page.
        </Text>
      </div>
      <Tabs defaultValue="faqs">
        <Tabs.List>
          <Tabs.Trigger value="faqs" data-testid="content-tab-faqs">
            FAQs
          </Tabs.Trigger>
          <Tabs.Trigger value="terms" data-testid="content-tab-terms">
            Terms
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="faqs" className="mt-4">
          <FaqsTab />
        </Tabs.Content>
        <Tabs.Content value="terms" className="mt-4">
          <TermsTab />
        </Tabs.Content>
      </Tabs>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Help content",
  icon: ChatBubbleLeftRight,
})

export default HelpContentPage
