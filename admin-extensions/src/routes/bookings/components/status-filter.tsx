import { Button, DropdownMenu, Text } from "@medusajs/ui"
import { BOOKING_STATUS_LABELS } from "../../../lib/bookings"
import { type BookingStatus, BOOKING_STATUSES } from "@fieldservice/contract"

export function StatusFilter({ selected, onChange }: { selected: BookingStatus[]; onChange: (next: BookingStatus[]) => void }) {
  const label = selected.length ? selected.map((status) => BOOKING_STATUS_LABELS[status]).join(", ") : "All statuses"
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Status</span>
      </Text>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" className="max-w-64 justify-start truncate" data-testid="bookings-status-filter">
            {label}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start">
          {BOOKING_STATUSES.map((status) => (
            <DropdownMenu.CheckboxItem
              key={status}
              checked={selected.includes(status)}
              // Keep the menu open to tick several.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) =>
                onChange(checked ? BOOKING_STATUSES.filter((s) => s === status || selected.includes(s)) : selected.filter((s) => s !== status))
              }
              data-testid={`bookings-status-${status}`}
            >
              {BOOKING_STATUS_LABELS[status]}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}
