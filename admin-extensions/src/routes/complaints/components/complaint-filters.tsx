import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, COMPLAINT_STATUSES } from "@fieldservice/contract"
import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, Label, Select, Tabs } from "@medusajs/ui"
import { AGE_CHOICES, useStaffMembers } from "../../../lib/complaints"

type Props = {
  params: URLSearchParams
  update: (changes: Record<string, string | null>) => void
  clear: () => void
  customerName: string | null
}

const ANY = "any"

/** One of the list's dropdown filters, kept in the address ("any" clears it). */
function FilterSelect(props: {
  name: string
  label: string
  value: string | null
  options: readonly { value: string; label: string }[]
  anyLabel: string
  onChange: (value: string | null) => void
}) {
  return (
    <div className="flex w-48 flex-col gap-y-1">
      <Label size="xsmall">{props.label}</Label>
      <Select size="small" value={props.value ?? ANY} onValueChange={(value) => props.onChange(value === ANY ? null : value)}>
        <Select.Trigger aria-label={props.label} data-testid={`complaints-filter-${props.name}`}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ANY}>{props.anyLabel}</Select.Item>
          {props.options.map((option) => (
            <Select.Item key={option.value} value={option.value}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

/** The Complaints page's filters: status tabs, category, who handles it, age, the customer (from "View all") and the order. */
export function ComplaintFilters({ params, update, clear, customerName }: Props) {
  const staff = useStaffMembers()
  const customerId = params.get("customer_id")
  const filtered = ["category", "assigned_user_id", "older_than_days", "customer_id", "status"].some((key) => params.get(key))
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="complaints-filters">
      <Tabs value={params.get("status") ?? "all"} onValueChange={(value) => update({ status: value === "all" ? null : value })}>
        <Tabs.List className="flex-wrap">
          <Tabs.Trigger value="all" data-testid="complaints-status-all">
            All
          </Tabs.Trigger>
          {COMPLAINT_STATUSES.map((status) => (
            <Tabs.Trigger key={status} value={status} data-testid={`complaints-status-${status}`}>
              {COMPLAINT_STATUS_LABELS[status]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          name="category"
          label="Category"
          value={params.get("category")}
          anyLabel="Any category"
          options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: COMPLAINT_CATEGORY_LABELS[value] }))}
          onChange={(value) => update({ category: value })}
        />
        <FilterSelect
          name="assigned"
          label="Assigned to"
          value={params.get("assigned_user_id")}
          anyLabel="Anyone or nobody"
          options={[{ value: "none", label: "Nobody yet" }, ...(staff.data ?? []).map((member) => ({ value: member.id, label: member.name }))]}
          onChange={(value) => update({ assigned_user_id: value })}
        />
        <FilterSelect
          name="age"
          label="Age"
          value={params.get("older_than_days")}
          anyLabel="Any age"
          options={AGE_CHOICES}
          onChange={(value) => update({ older_than_days: value })}
        />
        <FilterSelect
          name="order"
          label="Order"
          value={params.get("order") === "created_at" ? "created_at" : null}
          anyLabel="Newest first"
          options={[{ value: "created_at", label: "Oldest first" }]}
          onChange={(value) => update({ order: value })}
        />
        {customerId && (
          <Badge size="small" className="mb-1 gap-x-1" data-testid="complaints-customer-chip">
            Customer: {customerName ?? "…"}
            <Button
              size="small"
              variant="transparent"
              className="h-4 p-0"
              aria-label="Show every customer's complaints"
              onClick={() => update({ customer_id: null })}
            >
              <XMarkMini />
            </Button>
          </Badge>
        )}
        {filtered && (
          <Button size="small" variant="transparent" onClick={clear} data-testid="complaints-clear">
            Clear all
          </Button>
        )}
      </div>
    </div>
  )
}
