import { QUOTE_STATUS_LABELS, QUOTE_STATUSES } from "@fieldservice/contract"
import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input, Label, Select, Tabs } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { QUOTE_SORTS } from "../../../lib/quotes"
import { useDebounced } from "../../../lib/use-debounced"

type Props = {
  params: URLSearchParams
  update: (changes: Record<string, string | null>) => void
  order: string
  customerName: string | null
}

/** A text filter kept in the address once typing pauses. */
function useTypedParam(params: URLSearchParams, update: Props["update"], name: string) {
  const [text, setText] = useState(params.get(name) ?? "")
  const settled = useDebounced(text, 300)
  useEffect(() => {
    if ((params.get(name) ?? "") !== settled) update({ [name]: settled || null })
    // Only a settled change of the text moves the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled])
  return { value: text, onChange: (event: { target: { value: string } }) => setText(event.target.value) }
}

/**
 * The Quotes page's filters: status tabs, search by number or title, total and expiry ranges, the
 * customer (from the customer page's "View all"), and the order. All live in the address.
 */
export function QuoteFilters({ params, update, order, customerName }: Props) {
  const search = useTypedParam(params, update, "q")
  const minTotal = useTypedParam(params, update, "min_total")
  const maxTotal = useTypedParam(params, update, "max_total")
  const customerId = params.get("customer_id")
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="quotes-filters">
      <Tabs value={params.get("status") ?? "all"} onValueChange={(value) => update({ status: value === "all" ? null : value })}>
        <Tabs.List className="flex-wrap">
          <Tabs.Trigger value="all" data-testid="quotes-status-all">
            All
          </Tabs.Trigger>
          {QUOTE_STATUSES.map((status) => (
            <Tabs.Trigger key={status} value={status} data-testid={`quotes-status-${status}`}>
              {QUOTE_STATUS_LABELS[status]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex w-56 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="quotes-search">
            Number or title
          </Label>
          <Input id="quotes-search" type="search" size="small" {...search} data-testid="quotes-search" />
        </div>
        <div className="flex w-28 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="quotes-min-total">
            Total from
          </Label>
          <Input id="quotes-min-total" size="small" inputMode="decimal" {...minTotal} data-testid="quotes-min-total" />
        </div>
        <div className="flex w-28 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="quotes-max-total">
            Total to
          </Label>
          <Input id="quotes-max-total" size="small" inputMode="decimal" {...maxTotal} data-testid="quotes-max-total" />
        </div>
        <div className="flex w-40 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="quotes-expires-from">
            Expires from
          </Label>
          <Input
            id="quotes-expires-from"
            size="small"
            type="date"
            value={params.get("expires_from") ?? ""}
            onChange={(event) => update({ expires_from: event.target.value || null })}
          />
        </div>
        <div className="flex w-40 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="quotes-expires-to">
            Expires by
          </Label>
          <Input
            id="quotes-expires-to"
            size="small"
            type="date"
            value={params.get("expires_to") ?? ""}
            onChange={(event) => update({ expires_to: event.target.value || null })}
          />
        </div>
        <div className="flex w-44 flex-col gap-y-1">
          <Label size="xsmall">Order</Label>
          <Select size="small" value={order} onValueChange={(value) => update({ order: value })}>
            <Select.Trigger aria-label="Order" data-testid="quotes-order">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {QUOTE_SORTS.map((sort) => (
                <Select.Item key={sort.value} value={sort.value}>
                  {sort.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {customerId && (
          <Badge size="small" className="mb-1 gap-x-1" data-testid="quotes-customer-chip">
            Customer: {customerName ?? "…"}
            <Button
              size="small"
              variant="transparent"
              className="h-4 p-0"
              aria-label="Show every customer's quotes"
              onClick={() => update({ customer_id: null })}
            >
              <XMarkMini />
            </Button>
          </Badge>
        )}
      </div>
    </div>
  )
}
