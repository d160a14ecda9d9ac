import { defineRouteConfig } from "@medusajs/admin-sdk"
import { useGiftVoucherSettings } from "../../../lib/gift-vouchers"
import { SettingsCard } from "../components/card-header"
import { GiftVoucherSettingsForm } from "./gift-voucher-settings-form"

/** Settings → Gift vouchers: on sale or not, the amounts offered and allowed, how long they last, which services. */
const GiftVoucherSettingsPage = () => {
  return (
    <SettingsCard
      title="Gift vouchers"
      description="What customers can buy as a gift in the portal: the amounts offered, any other amount within your limits, and the services sold as vouchers. Vouchers staff issue by hand last as long as these say too."
      testId="gift-voucher-settings-page"
      query={useGiftVoucherSettings()}
    >
      {(data) => <GiftVoucherSettingsForm key={JSON.stringify(data.settings)} settings={data.settings} />}
    </SettingsCard>
  )
}

export const config = defineRouteConfig({ label: "Gift vouchers" })

export default GiftVoucherSettingsPage
