import type { AdminConversationFilter } from "@fieldservice/contract"
import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input, Label, Switch, Tabs } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { INBOX_FILTERS } from "../../../lib/conversations"
import { useDebounced } from "../../../lib/use-debounced"

type Props = {
  filters: URLSearchParams
  update: (changes: Record<string, string | null>) => void
  customerName: string | null
}

/** Unassigned / Mine / All, Unread only, a search, and the customer (from the customer page's "View all"); all in the address. */
export function InboxFilters({ filters, update, customerName }: Props) {
  const [text, setText] = useState(filters.get("q") ?? "")
  const settled = useDebounced(text, 300)
  useEffect(() => {
    if ((filters.get("q") ?? "") !== settled) update({ q: settled || null })
    // Only a settled change of the text moves the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled])
  const filter = (filters.get("filter") ?? "unassigned") as AdminConversationFilter
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="inbox-filters">
      <Tabs value={filter} onValueChange={(value) => update({ filter: value })}>
        <Tabs.List>
          {INBOX_FILTERS.map((option) => (
            <Tabs.Trigger key={option.value} value={option.value} data-testid={`inbox-filter-${option.value}`}>
              {option.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex w-72 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="inbox-search">
            Customer, subject or message
          </Label>
          <Input id="inbox-search" type="search" size="small" value={text} onChange={(event) => setText(event.target.value)} data-testid="inbox-search" />
        </div>
        <div className="flex items-center gap-x-2 pb-1">
          <Switch
            id="inbox-unread"
            checked={filters.get("unread") === "true"}
            onCheckedChange={(checked) => update({ unread: checked ? "true" : null })}
            data-testid="inbox-unread"
          />
          <Label size="small" htmlFor="inbox-unread">
            Unread only
          </Label>
        </div>
        {filters.get("customer_id") && (
          <Badge size="small" className="mb-1 gap-x-1" data-testid="inbox-customer-chip">
            Customer: {customerName ?? "…"}
            <Button
              size="small"
              variant="transparent"
              className="h-4 p-0"
              aria-label="Show every customer's conversations"
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
