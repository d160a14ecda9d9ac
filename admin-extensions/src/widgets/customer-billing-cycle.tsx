import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { EditableCard } from "../components/editable-card"
import { BILLING_FREQUENCIES, BILLING_FREQUENCY_LABELS, type BillingCycleSetting, type BillingFrequency, WEEKDAY_NAMES } from "@fieldservice/contract"
import { type BillingCycleForm, useBillingCycle, useBillNow, useSetBillingCycle } from "../lib/billing-cycles"
import { formatMoney } from "../lib/bookings"
import { formatDay } from "../lib/portal"

/**
 * Customer page → "Billing cycle": per visit, or one invoice a week, fortnight or month; the period
 * now open and when it closes; the visits waiting for the next invoice with their total (what the
 * next run will invoice); and "Bill now".
 */
const CustomerBillingCycleWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useBillingCycle(customer.id)
  const billNow = useBillNow(customer.id)
  const [editing, setEditing] = useState(false)

  return (
    <EditableCard
      title="Billing cycle"
      testId="customer-billing-cycle"
      editing={editing}
      onToggle={() => setEditing(!editing)}
      isLoading={isLoading}
      error={error}
    >
      {data && (
        <>
          <div className="px-6 py-4" data-testid="billing-cycle-summary">
            <Text size="small" weight="plus">
              {data.cycle.description}
            </Text>
            {data.cycle.period && (
              <Text size="small" className="text-ui-fg-subtle">
                This period: {formatDay(data.cycle.period.starts_on)} to {formatDay(data.cycle.period.closes_on)}, invoiced the day after it closes.
              </Text>
            )}
            {data.business_profiles.map((profile) => (
              <Text key={profile.business_profile_id} size="small" className="text-ui-fg-subtle" data-testid="billing-cycle-business-profile">
                {profile.name}: {profile.own ? profile.description : "follows the customer's cycle"}
              </Text>
            ))}
          </div>
          {editing && (
            <CycleForm
              customerId={customer.id}
              cycles={[{ id: "", name: "The customer", setting: data.cycle.setting }].concat(
                data.business_profiles.map((profile) => ({ id: profile.business_profile_id ?? "", name: profile.name, setting: profile.setting }))
              )}
              onSaved={() => {
                setEditing(false)
                toast.success("Billing cycle saved")
              }}
            />
          )}
          <div className="px-6 py-4">
            <div className="mb-2 flex items-center justify-between">
              <Text size="small" weight="plus">
                Waiting for the next invoice
              </Text>
              <Button
                size="small"
                disabled={!data.waiting.length}
                isLoading={billNow.isPending}
                onClick={() =>
                  billNow.mutate(undefined, {
                    onSuccess: (result) => toast.success(result.message),
                    onError: (failure: Error) => toast.error(failure.message),
                  })
                }
                data-testid="billing-cycle-bill-now"
              >
                Bill now
              </Button>
            </div>
            {!data.waiting.length && (
              <Text size="small" className="text-ui-fg-subtle" data-testid="billing-cycle-nothing-waiting">
                No completed visits are waiting to be invoiced.
              </Text>
            )}
            {data.waiting.map((invoice) => (
              <div key={invoice.business_profile_id ?? "customer"} className="mb-3" data-testid="billing-cycle-waiting">
                <Text size="small" className="text-ui-fg-subtle mb-1">
                  To {invoice.bill_to_name}
                </Text>
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Date</Table.HeaderCell>
                      <Table.HeaderCell>Service</Table.HeaderCell>
                      <Table.HeaderCell>Address</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {invoice.visits.map((visit) => (
                      <Table.Row key={visit.booking_id}>
                        <Table.Cell>{formatDay(visit.visit_date)}</Table.Cell>
                        <Table.Cell>{visit.service}</Table.Cell>
                        <Table.Cell>{visit.address ?? "—"}</Table.Cell>
                        <Table.Cell className="text-right">{formatMoney(visit.total, invoice.currency_code)}</Table.Cell>
                      </Table.Row>
                    ))}
                    <Table.Row>
                      <Table.Cell>
                        <Text size="small" weight="plus">
                          Total
                        </Text>
                      </Table.Cell>
                      <Table.Cell />
                      <Table.Cell />
                      <Table.Cell className="text-right" data-testid="billing-cycle-total">
                        {formatMoney(invoice.total, invoice.currency_code)}
                      </Table.Cell>
                    </Table.Row>
                  </Table.Body>
                </Table>
              </div>
            ))}
          </div>
        </>
      )}
    </EditableCard>
  )
}

const today = () => new Date().toISOString().slice(0, 10)

type PayerCycle = { id: string; name: string; setting: BillingCycleSetting }

/** Whose cycle to set (the customer, or one of their business profiles), then the cycle. */
function CycleForm({ customerId, cycles, onSaved }: { customerId: string; cycles: PayerCycle[]; onSaved: () => void }) {
  const [payer, setPayer] = useState("")
  const chosen = cycles.find((cycle) => cycle.id === payer) ?? cycles[0]
  return (
    <div className="px-6 py-4">
      {cycles.length > 1 && (
        <div className="mb-3 flex flex-col gap-y-1">
          <Label size="small" htmlFor="billing-cycle-payer">
            For
          </Label>
          <Select value={payer || "customer"} onValueChange={(value) => setPayer(value === "customer" ? "" : value)}>
            <Select.Trigger id="billing-cycle-payer" data-testid="billing-cycle-payer">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {cycles.map((cycle) => (
                <Select.Item key={cycle.id || "customer"} value={cycle.id || "customer"}>
                  {cycle.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
      {/* Keyed by the payer, so choosing another starts from that payer's saved cycle. */}
      <SettingForm key={chosen.id} customerId={customerId} businessProfileId={chosen.id || null} setting={chosen.setting} onSaved={onSaved} />
    </div>
  )
}

function SettingForm({
  customerId,
  businessProfileId,
  setting,
  onSaved,
}: {
  customerId: string
  businessProfileId: string | null
  setting: BillingCycleSetting
  onSaved: () => void
}) {
  const save = useSetBillingCycle(customerId)
  const [frequency, setFrequency] = useState<BillingFrequency>(setting.frequency)
  const [weekday, setWeekday] = useState(String("weekday" in setting ? setting.weekday : 5))
  const [anchor, setAnchor] = useState(setting.frequency === "fortnightly" ? setting.anchor_date : today())
  const [monthDay, setMonthDay] = useState(String(setting.frequency === "monthly" ? setting.month_day : "last"))

  const body = (): BillingCycleForm => {
    const payer = { business_profile_id: businessProfileId }
    if (frequency === "weekly") return { ...payer, frequency, weekday: Number(weekday) }
    if (frequency === "fortnightly") return { ...payer, frequency, anchor_date: anchor }
    if (frequency === "monthly") return { ...payer, frequency, month_day: monthDay === "last" ? "last" : Number(monthDay) }
    return { ...payer, frequency }
  }

  return (
    <form
      className="flex flex-col gap-y-3"
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate(body(), { onSuccess: onSaved })
      }}
      data-testid="billing-cycle-form"
    >
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="billing-cycle-frequency">
          How often
        </Label>
        <Select value={frequency} onValueChange={(value) => setFrequency(value as BillingFrequency)}>
          <Select.Trigger id="billing-cycle-frequency" data-testid="billing-cycle-frequency">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {BILLING_FREQUENCIES.map((value) => (
              <Select.Item key={value} value={value}>
                {BILLING_FREQUENCY_LABELS[value]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {frequency === "weekly" && (
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="billing-cycle-weekday">
            Closes every
          </Label>
          <Select value={weekday} onValueChange={setWeekday}>
            <Select.Trigger id="billing-cycle-weekday">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {WEEKDAY_NAMES.map((name, index) => (
                <Select.Item key={name} value={String(index)}>
                  {name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
      {frequency === "fortnightly" && (
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="billing-cycle-anchor">
            A day a period closes on (then every other week)
          </Label>
          <Input id="billing-cycle-anchor" type="date" size="small" value={anchor} onChange={(event) => setAnchor(event.target.value)} />
        </div>
      )}
      {frequency === "monthly" && (
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="billing-cycle-month-day">
            Closes on
          </Label>
          <Select value={monthDay} onValueChange={setMonthDay}>
            <Select.Trigger id="billing-cycle-month-day" data-testid="billing-cycle-month-day">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="last">The last day of the month</Select.Item>
              {Array.from({ length: 28 }, (_, index) => (
                <Select.Item key={index + 1} value={String(index + 1)}>
                  Day {index + 1}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
      {save.error && (
        <Text size="small" className="text-ui-fg-error">
          {save.error.message}
        </Text>
      )}
      <div>
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="billing-cycle-save">
          Save
        </Button>
      </div>
    </form>
  )
}

export const config = defineWidgetConfig({
  id: "customer-billing-cycle",
  zone: "customer.details.after",
})

export default CustomerBillingCycleWidget
