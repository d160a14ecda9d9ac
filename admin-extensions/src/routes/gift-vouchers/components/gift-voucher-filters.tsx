import { GIFT_VOUCHER_STATUS_LABELS, GIFT_VOUCHER_STATUSES } from "@fieldservice/contract"
import { Input, Label, Select, Tabs } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { GIFT_VOUCHER_KIND_LABELS } from "../../../lib/gift-vouchers"
import { useDebounced } from "../../../lib/use-debounced"

type Props = { params: URLSearchParams; update: (changes: Record<string, string | null>) => void }

/** Status tabs, the kind, and a search by code, recipient or buyer's email; all in the address. */
export function GiftVoucherFilters({ params, update }: Props) {
  const [text, setText] = useState(params.get("q") ?? "")
  const settled = useDebounced(text, 300)
  useEffect(() => {
    if ((params.get("q") ?? "") !== settled) update({ q: settled || null })
    // Only a settled change of the text moves the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled])
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="gift-vouchers-filters">
      <Tabs value={params.get("status") ?? "all"} onValueChange={(value) => update({ status: value === "all" ? null : value })}>
        <Tabs.List className="flex-wrap">
          <Tabs.Trigger value="all" data-testid="gift-vouchers-status-all">
            All
          </Tabs.Trigger>
          {GIFT_VOUCHER_STATUSES.map((status) => (
            <Tabs.Trigger key={status} value={status} data-testid={`gift-vouchers-status-${status}`}>
              {GIFT_VOUCHER_STATUS_LABELS[status]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex w-72 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="gift-vouchers-search">
            Code, recipient or buyer&apos;s email
          </Label>
          <Input
            id="gift-vouchers-search"
            type="search"
            size="small"
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="gift-vouchers-search"
          />
        </div>
        <div className="flex w-40 flex-col gap-y-1">
          <Label size="xsmall">Kind</Label>
          <Select size="small" value={params.get("kind") ?? "all"} onValueChange={(value) => update({ kind: value === "all" ? null : value })}>
            <Select.Trigger aria-label="Kind" data-testid="gift-vouchers-kind">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">Any kind</Select.Item>
              {(["amount", "services"] as const).map((kind) => (
                <Select.Item key={kind} value={kind}>
                  {GIFT_VOUCHER_KIND_LABELS[kind]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
    </div>
  )
}
