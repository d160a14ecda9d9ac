import { defineRouteConfig } from "@medusajs/admin-sdk"
import type { ReferralSettings } from "@fieldservice/contract"
import { Button, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { useReferralSettings, useSaveReferralSettings } from "../../../lib/referrals"
import { SettingsCard } from "../components/card-header"
import { SettingsFormError } from "../customer-portal/components/portal-settings-card"

function ReferralSettingsForm({ settings }: { settings: ReferralSettings }) {
  const [enabled, setEnabled] = useState(settings.enabled)
  const [type, setType] = useState(settings.welcome_discount_type)
  const [discount, setDiscount] = useState(String(settings.welcome_discount_value))
  const [reward, setReward] = useState(String(settings.reward_amount))
  const [currency, setCurrency] = useState(settings.currency_code)
  const [message, setMessage] = useState<string | null>(null)
  const save = useSaveReferralSettings()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const number = (text: string) => (/^\d+(\.\d{1,2})?$/.test(text.trim()) ? Number(text) : NaN)
    const body = {
      enabled,
      welcome_discount_type: type,
      welcome_discount_value: number(discount),
      reward_amount: number(reward),
      currency_code: currency.trim(),
    }
    if (Number.isNaN(body.welcome_discount_value) || Number.isNaN(body.reward_amount)) {
      setMessage("Give the discount and the reward as amounts, like 10 or 12.50.")
      return
    }
    setMessage(null)
    save.mutate(body, { onSuccess: () => toast.success("Referral settings saved"), onError: (error) => setMessage(error.message) })
  }

  return (
    <form onSubmit={submit} noValidate data-testid="referral-settings-form">
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={message} testId="referral-settings-error" />
        <div className="flex items-center gap-x-2">
          <Switch id="referrals-enabled" checked={enabled} onCheckedChange={setEnabled} data-testid="referrals-enabled" />
          <Label htmlFor="referrals-enabled" size="small">
            Customers can invite friends
          </Label>
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus">
              Friend's welcome discount
            </Label>
            <Select value={type} onValueChange={(value) => setType(value as ReferralSettings["welcome_discount_type"])}>
              <Select.Trigger data-testid="referrals-discount-type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="percentage">Percentage off</Select.Item>
                <Select.Item value="amount">Amount off</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="referrals-discount" size="small" weight="plus">
              {type === "percentage" ? "Percent off their first booking" : "Amount off their first booking"}
            </Label>
            <Input id="referrals-discount" value={discount} onChange={(event) => setDiscount(event.target.value)} data-testid="referrals-discount" />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="referrals-reward" size="small" weight="plus">
              Reward for the referrer (store credit)
            </Label>
            <Input id="referrals-reward" value={reward} onChange={(event) => setReward(event.target.value)} data-testid="referrals-reward" />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="referrals-currency" size="small" weight="plus">
              Currency
            </Label>
            <Input id="referrals-currency" value={currency} onChange={(event) => setCurrency(event.target.value)} data-testid="referrals-currency" />
          </div>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          The reward is given once, when the friend's first visit is marked completed. Changes apply to discounts and rewards not given yet.
        </Text>
        <div className="flex justify-end">
          <Button type="submit" size="small" isLoading={save.isPending} data-testid="referral-settings-save">
            Save
          </Button>
        </div>
      </div>
    </form>
  )
}

/** Settings → Referrals: whether customers can invite friends, the friend's welcome discount and the referrer's reward. */
const ReferralSettingsPage = () => {
  return (
    <SettingsCard
      title="Referrals"
      description="Customers share their own invite link. A friend who signs up through it gets a welcome discount on their first booking; the customer who invited them gets store credit once that visit is done."
      testId="referral-settings-page"
      query={useReferralSettings()}
    >
      {(data) => <ReferralSettingsForm key={JSON.stringify(data.settings)} settings={data.settings} />}
    </SettingsCard>
  )
}

export const config = defineRouteConfig({ label: "Referrals" })

export default ReferralSettingsPage
