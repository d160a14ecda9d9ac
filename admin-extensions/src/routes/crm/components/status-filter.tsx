import { MultiSelectFilter } from "../../../components/multi-select-filter"
import { STATUS_FILTER_LABELS } from "../../../lib/directory"
import { type DirectoryStatus, DEFAULT_DIRECTORY_STATUSES as DEFAULT_STATUSES, DIRECTORY_STATUSES } from "@fieldservice/contract"

export function StatusFilter({ selected, onChange }: { selected: DirectoryStatus[]; onChange: (next: DirectoryStatus[]) => void }) {
  // Nothing chosen lists the customers the business works with: active and blocked.
  const shown = selected.length ? selected : DEFAULT_STATUSES
  const label = shown.map((status) => STATUS_FILTER_LABELS[status]).join(", ")
  const toggle = (status: DirectoryStatus, checked: boolean) => {
    const next = checked ? DIRECTORY_STATUSES.filter((s) => s === status || shown.includes(s)) : shown.filter((s) => s !== status)
    const isDefault = next.length === DEFAULT_STATUSES.length && next.every((s) => DEFAULT_STATUSES.includes(s))
    if (next.length) onChange(isDefault ? [] : next)
  }
  return (
    <MultiSelectFilter
      heading="Status"
      label={label}
      options={DIRECTORY_STATUSES}
      labels={STATUS_FILTER_LABELS}
      isChecked={(status) => shown.includes(status)}
      // At least one status stays ticked.
      isDisabled={(status) => shown.length === 1 && shown[0] === status}
      onToggle={toggle}
      maxWidth="max-w-72"
      testId="crm-directory-status"
    />
  )
}
