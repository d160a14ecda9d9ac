import { Label, RadioGroup, Select, Text } from "@medusajs/ui"
import { formatMoney } from "@fieldservice/contract"
import { useService, useServices } from "../../../../lib/new-booking"

/** Which service and which of its options (cheapest first, with prices); nothing is chosen for staff. */
export function ServiceChoice({
  serviceId,
  variantId,
  onService,
  onVariant,
}: {
  serviceId: string
  variantId: string
  onService: (id: string) => void
  onVariant: (id: string) => void
}) {
  const services = useServices()
  const service = useService(serviceId)
  const detail = service.data?.service
  return (
    <div className="flex flex-col gap-y-4">
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" htmlFor="new-booking-service">
          Service
        </Label>
        <Select value={serviceId} onValueChange={onService}>
          <Select.Trigger id="new-booking-service" data-testid="new-booking-service">
            <Select.Value placeholder={services.isLoading ? "Loading services…" : "Choose a service"} />
          </Select.Trigger>
          <Select.Content>
            {(services.data?.services ?? []).map((item) => (
              <Select.Item key={item.id} value={item.id} data-testid="new-booking-service-option">
                {item.title}
                {item.starting_rate !== null ? ` · from ${formatMoney(item.starting_rate, item.currency_code)}` : ""}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {services.error && (
          <Text size="small" className="text-ui-fg-error">
            {services.error.message}
          </Text>
        )}
      </div>
      {detail && (
        <fieldset className="flex flex-col gap-y-2" data-testid="new-booking-options">
          <legend className="txt-compact-small-plus mb-2">Option</legend>
          <RadioGroup value={variantId} onValueChange={onVariant} className="flex flex-col gap-y-2">
            {detail.variants.map((variant) => (
              <div key={variant.id} className="flex items-center gap-x-2">
                <RadioGroup.Item value={variant.id} id={`new-booking-variant-${variant.id}`} data-testid="new-booking-variant" />
                <Label htmlFor={`new-booking-variant-${variant.id}`} size="small">
                  {variant.title}
                  <span className="text-ui-fg-subtle"> · {variant.price === null ? "no price" : formatMoney(variant.price, detail.currency_code)}</span>
                </Label>
              </div>
            ))}
          </RadioGroup>
        </fieldset>
      )}
    </div>
  )
}
