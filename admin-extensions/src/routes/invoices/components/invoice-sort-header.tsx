import { ArrowDownMini, ArrowUpMini } from "@medusajs/icons"
import { Table, clx } from "@medusajs/ui"
import { type InvoiceOrder, type InvoiceSortField, nextInvoiceOrder } from "../../../lib/invoices"

export function InvoiceSortHeader({
  field,
  label,
  order,
  onSort,
  alignRight,
}: {
  field: InvoiceSortField
  label: string
  order: InvoiceOrder
  onSort: (next: InvoiceOrder) => void
  alignRight?: boolean
}) {
  const active = order === field || order === `-${field}`
  const descending = order === `-${field}`
  return (
    <Table.HeaderCell aria-sort={active ? (descending ? "descending" : "ascending") : "none"} className={clx(alignRight && "text-right")}>
      <button
        type="button"
        className={clx("inline-flex items-center gap-x-1 whitespace-nowrap", active && "text-ui-fg-base")}
        onClick={() => onSort(nextInvoiceOrder(order, field))}
        data-testid={`invoices-sort-${field}`}
      >
        {label}
        {active && (descending ? <ArrowDownMini /> : <ArrowUpMini />)}
      </button>
    </Table.HeaderCell>
  )
}
