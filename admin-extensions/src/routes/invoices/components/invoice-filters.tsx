import { INVOICE_STATUS_LABELS, INVOICE_STATUSES, type InvoiceStatus } from "@fieldservice/contract"
import { Button, Input, Label, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { AddFilterMenu, ClearAllFilters, FilterChip, FilterOptionList } from "../../../components/filter-chip"
import { adminLocale, describeDayRange } from "../../../lib/directory"
import { DayPicker } from "../../crm/components/date-filter"
import { CustomerEditor } from "./customer-editor"

type Changes = Record<string, string | null>
type FilterKey = "status" | "overdue" | "customer" | "issued" | "amount"

const MENU: { key: FilterKey; label: string }[] = [
  { key: "status", label: "Status" },
  { key: "overdue", label: "Overdue" },
  { key: "customer", label: "Customer" },
  { key: "issued", label: "Issue date" },
  { key: "amount", label: "Total" },
]
const STATUS_OPTIONS = INVOICE_STATUSES.map((status) => ({ value: status, label: INVOICE_STATUS_LABELS[status] }))
const OVERDUE_OPTIONS = [
  { value: "true", label: "Overdue" },
  { value: "false", label: "Not overdue" },
] as const

/** The address parameters a filter owns. */
const PARAMS: Record<FilterKey, string[]> = {
  status: ["status"],
  overdue: ["overdue"],
  customer: ["customer_id"],
  issued: ["issued_from", "issued_to"],
  amount: ["min_total", "max_total"],
}
const activeKeys = (params: URLSearchParams) => MENU.map(({ key }) => key).filter((key) => PARAMS[key].some((name) => params.get(name)))

type Props = {
  params: URLSearchParams
  update: (changes: Changes) => void
  /** The chosen customer's name, when the list knows it. */
  customerName: string | null
  onClearAll: () => void
}

/**
 * The Invoices page's filters in the Medusa admin's pattern (as the customer directory's): a chip
 * for each filter in the address, "Add filter" for the others, "Clear all".
 */
export function InvoiceFilters({ params, update, customerName, onClearAll }: Props) {
  const locale = adminLocale()
  const active = activeKeys(params)
  const [order, setOrder] = useState<FilterKey[]>([])
  const [openKey, setOpenKey] = useState<FilterKey | null>(null)
  // A chip closed without a value stays until its popover has gone (see the directory's filters).
  const [closing, setClosing] = useState<FilterKey | null>(null)
  const shown = [...order.filter((key) => active.includes(key) || key === openKey || key === closing), ...active.filter((key) => !order.includes(key))]

  const add = (key: string) => {
    setOrder([...shown.filter((existing) => existing !== key), key as FilterKey])
    setOpenKey(key as FilterKey)
  }
  const remove = (key: FilterKey) => {
    setOrder(shown.filter((existing) => existing !== key))
    if (openKey === key) setOpenKey(null)
    update(Object.fromEntries(PARAMS[key].map((name) => [name, null])))
  }

  const describe = (key: FilterKey): { name: string; operator?: string; value: string | null } => {
    switch (key) {
      case "status": {
        const status = params.get("status") as InvoiceStatus | null
        return { name: "Status", operator: "is", value: status ? (INVOICE_STATUS_LABELS[status] ?? status) : null }
      }
      case "overdue":
        return { name: "Overdue", value: OVERDUE_OPTIONS.find((option) => option.value === params.get("overdue"))?.label ?? null }
      case "customer":
        return { name: "Customer", operator: "is", value: params.get("customer_id") ? (customerName ?? "…") : null }
      case "issued":
        return { name: "Issued", value: describeDayRange(params.get("issued_from"), params.get("issued_to"), locale) }
      case "amount": {
        const min = params.get("min_total")
        const max = params.get("max_total")
        return { name: "Total", value: min && max ? `${min} – ${max}` : min ? `at least ${min}` : max ? `at most ${max}` : null }
      }
    }
  }

  return (
    <div className="flex min-w-0 flex-wrap items-end gap-2 px-6 py-4" data-testid="invoices-filters">
      {shown.map((key) => {
        const chip = describe(key)
        return (
          <FilterChip
            key={key}
            {...chip}
            open={openKey === key}
            onOpenChange={(open) => {
              if (open) setOrder(shown)
              else setClosing(key)
              setOpenKey(open ? key : null)
            }}
            onRemove={() => remove(key)}
            onClosed={() => setClosing((current) => (current === key ? null : current))}
            testId="invoices-filter"
            filterKey={key}
          >
            <FilterEditor filterKey={key} params={params} update={update} locale={locale} onDone={() => setOpenKey(null)} />
          </FilterChip>
        )
      })}
      <AddFilterMenu groups={[{ items: MENU.filter(({ key }) => !shown.includes(key)) }]} onAdd={add} testId="invoices-add-filter" />
      {active.length > 0 && (
        <ClearAllFilters
          onClear={() => {
            setOrder([])
            setOpenKey(null)
            setClosing(null)
            onClearAll()
          }}
          testId="invoices-clear"
        />
      )}
    </div>
  )
}

function FilterEditor({
  filterKey,
  params,
  update,
  locale,
  onDone,
}: {
  filterKey: FilterKey
  params: URLSearchParams
  update: (changes: Changes) => void
  locale: string
  onDone: () => void
}) {
  switch (filterKey) {
    case "status":
      return (
        <FilterOptionList
          options={STATUS_OPTIONS}
          multiple={false}
          isChecked={(value) => params.get("status") === value}
          onToggle={(value, checked) => update({ status: checked ? value : null })}
          label="Status"
          testId="invoices-status"
        />
      )
    case "overdue":
      return (
        <FilterOptionList
          options={OVERDUE_OPTIONS}
          multiple={false}
          isChecked={(value) => params.get("overdue") === value}
          onToggle={(value, checked) => update({ overdue: checked ? value : null })}
          label="Overdue"
          testId="invoices-overdue"
        />
      )
    case "customer":
      return (
        <CustomerEditor
          onChoose={(id) => {
            update({ customer_id: id })
            onDone()
          }}
        />
      )
    case "issued":
      return (
        <div className="flex flex-col gap-y-3 p-3">
          <DayPicker
            label="From"
            value={params.get("issued_from")}
            max={params.get("issued_to")}
            locale={locale}
            onChange={(day) => update({ issued_from: day })}
            testId="invoices-issued-from"
          />
          <DayPicker
            label="To"
            value={params.get("issued_to")}
            min={params.get("issued_from")}
            locale={locale}
            onChange={(day) => update({ issued_to: day })}
            testId="invoices-issued-to"
          />
        </div>
      )
    case "amount":
      return <AmountEditor min={params.get("min_total") ?? ""} max={params.get("max_total") ?? ""} onApply={(changes) => (update(changes), onDone())} />
  }
}

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/

/** Total at least / at most, applied together (typing "1" on the way to "120" would refetch the list for nothing). */
function AmountEditor({ min, max, onApply }: { min: string; max: string; onApply: (changes: Changes) => void }) {
  const [low, setLow] = useState(min)
  const [high, setHigh] = useState(max)
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const [from, to] = [low.trim(), high.trim()]
    if ((from && !AMOUNT.test(from)) || (to && !AMOUNT.test(to))) return setError("Amounts are numbers such as 85 or 85.50.")
    if (from && to && Number(from) > Number(to)) return setError("The lowest total must not be more than the highest.")
    onApply({ min_total: from || null, max_total: to || null })
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3 p-3" data-testid="invoices-amount">
      <div className="grid grid-cols-2 gap-2">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="invoices-min-total">
            At least
          </Label>
          <Input id="invoices-min-total" size="small" inputMode="decimal" value={low} onChange={(event) => setLow(event.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="invoices-max-total">
            At most
          </Label>
          <Input id="invoices-max-total" size="small" inputMode="decimal" value={high} onChange={(event) => setHigh(event.target.value)} />
        </div>
      </div>
      {error && (
        <Text size="xsmall" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
      <Button size="small" type="submit" data-testid="invoices-amount-apply">
        Apply
      </Button>
    </form>
  )
}
