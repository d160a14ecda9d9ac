import { Button, DropdownMenu, Text } from "@medusajs/ui"
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
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Status</span>
      </Text>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" className="max-w-72 justify-start truncate" data-testid="crm-directory-status-filter">
            {label}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start">
          {DIRECTORY_STATUSES.map((status) => (
            <DropdownMenu.CheckboxItem
              key={status}
              checked={shown.includes(status)}
              // At least one status stays ticked.
              disabled={shown.length === 1 && shown[0] === status}
              // Keep the menu open to tick several.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => toggle(status, checked)}
              data-testid={`crm-directory-status-${status}`}
            >
              {STATUS_FILTER_LABELS[status]}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}
