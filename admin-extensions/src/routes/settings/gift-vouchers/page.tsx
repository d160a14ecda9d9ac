import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { useGiftVoucherSettings } from "../../../lib/gift-vouchers"
import { CardHeader } from "../components/card-header"
import { GiftVoucherSettingsForm } from "./gift-voucher-settings-form"

/** Settings → Gift vouchers: on sale or not, the amounts offered and allowed, how long they last, which services. */
const GiftVoucherSettingsPage = () => {
  const { data, isLoading, error } = useGiftVoucherSettings()
  return (
    <Container className="divide-y p-0" data-testid="gift-voucher-settings-page">
      <CardHeader
        title="Gift vouchers"
        description="What customers can buy as a gift in the portal: the amounts offered, any other amount within your limits, and the services sold as vouchers. Vouchers staff issue by hand last as long as these say too."
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
      {data && <GiftVoucherSettingsForm key={JSON.stringify(data.settings)} settings={data.settings} />}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Gift vouchers" })

export default GiftVoucherSettingsPage
