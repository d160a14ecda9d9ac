import type { GiftVoucherSettings } from "@fieldservice/contract"
import { Button, Checkbox, Input, Label, RadioGroup, Switch, Text, toast } from "@medusajs/ui"
import { type FormEvent, type ReactNode, useState } from "react"
import { FieldMessage } from "../../../components/entry-drawer"
import { type FormMessage, formMessages } from "../../../lib/field-errors"
import { useSaveGiftVoucherSettings } from "../../../lib/gift-vouchers"
import { useServices } from "../../../lib/new-booking"
import { SettingsFormError } from "../customer-portal/components/portal-settings-card"

const LABELS: Record<string, string> = {
  amounts: "Amounts offered",
  min_amount: "Smallest amount",
  max_amount: "Largest amount",
  validity_months: "Valid for",
  service_ids: "Services",
}

const MONEY = /^\d+(\.\d{1,2})?$/

export function GiftVoucherSettingsForm({ settings }: { settings: GiftVoucherSettings }) {
  const [enabled, setEnabled] = useState(settings.enabled)
  const [values, setValues] = useState({
    amounts: settings.amounts.join(", "),
    min_amount: String(settings.min_amount),
    max_amount: String(settings.max_amount),
    validity_months: String(settings.validity_months),
  })
  const [allServices, setAllServices] = useState(settings.service_ids === null)
  const [serviceIds, setServiceIds] = useState<string[]>(settings.service_ids ?? [])
  const [messages, setMessages] = useState<FormMessage[]>([])
  const services = useServices()
  const save = useSaveGiftVoucherSettings()
  const messageFor = (field: string) => messages.find((message) => message.field === field)?.message ?? null
  const formError = messages
    .filter((message) => !message.field)
    .map((message) => message.message)
    .join(" ")

  const bind = (name: keyof typeof values) => ({
    id: `gift-voucher-${name}`,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
    "data-testid": `gift-voucher-${name}`,
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const amounts = values.amounts
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
    const problems: FormMessage[] = []
    const bad = amounts.find((amount) => !MONEY.test(amount) || !(Number(amount) > 0))
    if (bad) problems.push({ field: "amounts", message: `“${bad}” is not an amount: write them like 25, 50, 100.` })
    for (const name of ["min_amount", "max_amount"] as const) {
      if (!MONEY.test(values[name].trim())) problems.push({ field: name, message: "Enter an amount such as 10 or 12.50." })
    }
    if (!/^\d{1,3}$/.test(values.validity_months.trim())) problems.push({ field: "validity_months", message: "Enter a whole number of months." })
    if (!allServices && serviceIds.length === 0) problems.push({ field: "service_ids", message: "Tick at least one service, or choose every service." })
    setMessages(problems)
    if (problems.length) return
    const body = {
      enabled,
      amounts: amounts.map(Number),
      min_amount: Number(values.min_amount),
      max_amount: Number(values.max_amount),
      validity_months: Number(values.validity_months),
      service_ids: allServices ? null : serviceIds,
    }
    save.mutate(body, {
      onSuccess: () => toast.success("Gift voucher settings saved"),
      onError: (error) => setMessages(formMessages(error, LABELS, { body, fallback: "The gift voucher settings could not be saved." })),
    })
  }

  const field = (name: keyof typeof LABELS, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={`gift-voucher-${name}`} size="small" weight="plus">
        {label}
      </Label>
      {control}
      {hint && !messageFor(name) && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      <FieldMessage message={messageFor(name)} testId={`gift-voucher-${name}-error`} />
    </div>
  )

  const toggleService = (id: string, on: boolean) => setServiceIds((current) => (on ? [...current, id] : current.filter((known) => known !== id)))

  return (
    <form onSubmit={submit} noValidate data-testid="gift-voucher-settings-form">
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={formError || null} testId="gift-voucher-settings-error" />
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="gift-voucher-enabled" size="small" weight="plus">
              Sell gift vouchers in the portal
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              {enabled
                ? "Customers can buy vouchers for others. Vouchers already sold can always be used."
                : "The buy page says vouchers aren't sold online at the moment. Vouchers already sold can still be used."}
            </Text>
          </div>
          <Switch id="gift-voucher-enabled" checked={enabled} onCheckedChange={setEnabled} data-testid="gift-voucher-enabled" />
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {field(
            "amounts",
            "Amounts offered",
            <Input {...bind("amounts")} placeholder="25, 50, 100" />,
            "Shown as buttons on the buy page, separated by commas."
          )}
          {field(
            "validity_months",
            "Valid for (months)",
            <Input {...bind("validity_months")} inputMode="numeric" />,
            "Counted from the day the voucher is emailed."
          )}
          {field(
            "min_amount",
            "Smallest amount",
            <Input {...bind("min_amount")} inputMode="decimal" />,
            "Any other amount a customer types must be at least this…"
          )}
          {field("max_amount", "Largest amount", <Input {...bind("max_amount")} inputMode="decimal" />, "…and at most this.")}
        </div>
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus">
            Services sold as vouchers
          </Label>
          <RadioGroup value={allServices ? "all" : "some"} onValueChange={(value) => setAllServices(value === "all")} className="flex gap-x-6">
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="all" id="gift-voucher-services-all" data-testid="gift-voucher-services-all" />
              <Label htmlFor="gift-voucher-services-all" size="small">
                Every published service
              </Label>
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="some" id="gift-voucher-services-some" data-testid="gift-voucher-services-some" />
              <Label htmlFor="gift-voucher-services-some" size="small">
                Only these
              </Label>
            </div>
          </RadioGroup>
          {!allServices && (
            <div className="grid grid-cols-1 gap-2 md:grid-cols-2" data-testid="gift-voucher-service-list">
              {services.isLoading && <Text size="small">Loading services…</Text>}
              {services.error && (
                <Text size="small" className="text-ui-fg-error">
                  The services could not be loaded: {services.error.message}
                </Text>
              )}
              {(services.data?.services ?? []).map((service) => (
                <div key={service.id} className="flex items-center gap-x-2">
                  <Checkbox
                    id={`gift-voucher-service-${service.id}`}
                    checked={serviceIds.includes(service.id)}
                    onCheckedChange={(checked) => toggleService(service.id, checked === true)}
                    data-testid="gift-voucher-service"
                  />
                  <Label htmlFor={`gift-voucher-service-${service.id}`} size="small">
                    {service.title}
                  </Label>
                </div>
              ))}
            </div>
          )}
          <FieldMessage message={messageFor("service_ids")} testId="gift-voucher-service_ids-error" />
        </div>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="gift-voucher-settings-save">
          Save
        </Button>
      </div>
    </form>
  )
}
