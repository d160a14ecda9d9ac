import { ArrowDownMini, ArrowUpMini } from "@medusajs/icons"
import { Table, clx } from "@medusajs/ui"
import { nextOrder } from "../../../lib/directory"
import type { DirectoryOrder, DirectorySortField } from "@fieldservice/contract"

export function SortHeader({
  field,
  label,
  order,
  onSort,
}: {
  field: DirectorySortField
  label: string
  order: DirectoryOrder
  onSort: (next: DirectoryOrder) => void
}) {
  const active = order === field || order === `-${field}`
  const descending = order === `-${field}`
  return (
    <Table.HeaderCell aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <button
        type="button"
        className={clx("flex items-center gap-x-1 whitespace-nowrap", active && "text-ui-fg-base")}
        onClick={() => onSort(nextOrder(order, field))}
        data-testid={`crm-directory-sort-${field}`}
      >
        {label}
        {active && (descending ? <ArrowDownMini /> : <ArrowUpMini />)}
      </button>
    </Table.HeaderCell>
  )
}
