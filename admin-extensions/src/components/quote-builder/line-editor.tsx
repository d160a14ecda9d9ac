import { Trash } from "@medusajs/icons"
import { Checkbox, IconButton, Input, Label, Select } from "@medusajs/ui"
import { useService, useServices } from "../../lib/new-booking"
import type { DraftLine } from "../../lib/quotes"

const FREE = "free"

/**
 * One line of an option: a service from the catalogue (its option's price filled in, editable) or
 * a free line typed by staff; quantity, price and whether the customer may tick it.
 */
export function LineEditor({
  line,
  index,
  onChange,
  onRemove,
}: {
  line: DraftLine
  index: number
  onChange: (line: DraftLine) => void
  onRemove?: () => void
}) {
  const services = useServices()
  const service = useService(line.product_id)
  const variants = service.data?.service.variants ?? []
  const id = `quote-line-${line.key}`
  const set = (changes: Partial<DraftLine>) => onChange({ ...line, ...changes })
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md p-3" data-testid="quote-line">
      <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
        <Select
          value={line.product_id || FREE}
          onValueChange={(value) =>
            set(value === FREE ? { product_id: "", variant_id: "" } : { product_id: value, variant_id: "", unit_price: "", description: "" })
          }
        >
          <Select.Trigger aria-label={`Line ${index + 1}: service`} data-testid="quote-line-service">
            <Select.Value placeholder="Choose" />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={FREE}>Free line (type it)</Select.Item>
            {(services.data?.services ?? []).map((item) => (
              <Select.Item key={item.id} value={item.id}>
                {item.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {line.product_id && (
          <Select
            value={line.variant_id}
            onValueChange={(value) => {
              const variant = variants.find((candidate) => candidate.id === value)
              set({ variant_id: value, unit_price: variant?.price === null || variant?.price === undefined ? "" : variant.price.toFixed(2) })
            }}
          >
            <Select.Trigger aria-label={`Line ${index + 1}: option`} data-testid="quote-line-variant">
              <Select.Value placeholder={service.isLoading ? "Loading…" : "Choose an option"} />
            </Select.Trigger>
            <Select.Content>
              {variants.map((variant) => (
                <Select.Item key={variant.id} value={variant.id}>
                  {variant.title}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </div>
      <Input
        aria-label={`Line ${index + 1}: description`}
        placeholder={line.product_id ? "Description (the service and option if left blank)" : "Description"}
        value={line.description}
        onChange={(event) => set({ description: event.target.value })}
        data-testid="quote-line-description"
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex w-24 flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${id}-quantity`}>
            Quantity
          </Label>
          <Input
            id={`${id}-quantity`}
            type="number"
            min={1}
            value={line.quantity}
            onChange={(event) => set({ quantity: event.target.value })}
            data-testid="quote-line-quantity"
          />
        </div>
        <div className="flex w-32 flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${id}-price`}>
            Unit price
          </Label>
          <Input
            id={`${id}-price`}
            inputMode="decimal"
            placeholder={line.product_id ? "Catalogue price" : "0.00"}
            value={line.unit_price}
            onChange={(event) => set({ unit_price: event.target.value })}
            data-testid="quote-line-price"
          />
        </div>
        <div className="flex items-center gap-x-2 pb-2">
          <Checkbox
            id={`${id}-optional`}
            checked={line.optional}
            onCheckedChange={(checked) => set({ optional: checked === true })}
            data-testid="quote-line-optional"
          />
          <Label size="xsmall" htmlFor={`${id}-optional`}>
            Optional (the customer may tick it)
          </Label>
        </div>
        {onRemove && (
          <IconButton
            size="small"
            variant="transparent"
            className="ml-auto"
            aria-label={`Remove line ${index + 1}`}
            onClick={onRemove}
            data-testid="quote-line-remove"
          >
            <Trash />
          </IconButton>
        )}
      </div>
    </div>
  )
}
