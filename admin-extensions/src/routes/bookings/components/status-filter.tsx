import { MultiSelectFilter } from "../../../components/multi-select-filter"
import { BOOKING_STATUS_LABELS } from "../../../lib/bookings"
import { type BookingStatus, BOOKING_STATUSES } from "@fieldservice/contract"

export function StatusFilter({ selected, onChange }: { selected: BookingStatus[]; onChange: (next: BookingStatus[]) => void }) {
  const label = selected.length ? selected.map((status) => BOOKING_STATUS_LABELS[status]).join(", ") : "All statuses"
  return (
    <MultiSelectFilter
      heading="Status"
      label={label}
      options={BOOKING_STATUSES}
      labels={BOOKING_STATUS_LABELS}
      isChecked={(status) => selected.includes(status)}
      onToggle={(status, checked) =>
        onChange(checked ? BOOKING_STATUSES.filter((s) => s === status || selected.includes(s)) : selected.filter((s) => s !== status))
      }
      maxWidth="max-w-64"
      testId="bookings-status"
    />
  )
}
