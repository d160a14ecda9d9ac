import { Text } from "@medusajs/ui"
import { FilterOptionList } from "../../../components/filter-chip"
import { DIRECTORY_STATUS_LABELS, STATUS_FILTER_LABELS } from "../../../lib/directory"
import { type DirectoryStatus, DEFAULT_DIRECTORY_STATUSES as DEFAULT_STATUSES, DIRECTORY_STATUSES } from "@fieldservice/contract"

const OPTIONS = DIRECTORY_STATUSES.map((status) => ({ value: status, label: STATUS_FILTER_LABELS[status] }))

/** The statuses in the address ("active,archived"), unknown ones left out. */
export const parseStatuses = (value: string | null): DirectoryStatus[] =>
  (value ?? "").split(",").filter((status): status is DirectoryStatus => (DIRECTORY_STATUSES as readonly string[]).includes(status))

/** The status chip's value: "Active, Archived". */
export const describeStatuses = (statuses: DirectoryStatus[]) => statuses.map((status) => DIRECTORY_STATUS_LABELS[status]).join(", ")

/** The status filter's editor: several statuses ticked, at least one. */
export function StatusEditor({ selected, onChange }: { selected: DirectoryStatus[]; onChange: (next: DirectoryStatus[]) => void }) {
  // No status filter lists the customers the business works with: active and blocked, ticked to start from.
  const shown = selected.length ? selected : DEFAULT_STATUSES
  const toggle = (status: DirectoryStatus, checked: boolean) => {
    const next = checked ? DIRECTORY_STATUSES.filter((s) => s === status || shown.includes(s)) : shown.filter((s) => s !== status)
    if (next.length) onChange(next)
  }
  return (
    <div className="divide-y">
      <FilterOptionList
        options={OPTIONS}
        multiple
        isChecked={(status) => shown.includes(status)}
        // At least one status stays ticked.
        isDisabled={(status) => shown.length === 1 && shown[0] === status}
        onToggle={toggle}
        label="Statuses"
        testId="crm-directory-status"
      />
      <Text size="xsmall" className="text-ui-fg-muted px-3 py-2">
        Without this filter the list shows active and blocked customers.
      </Text>
    </div>
  )
}
