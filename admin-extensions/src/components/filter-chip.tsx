import { CheckMini, EllipseMiniSolid, XMarkMini } from "@medusajs/icons"
import { Button, DropdownMenu, Popover, clx } from "@medusajs/ui"
import { type ReactNode, useEffect, useRef } from "react"

// The Medusa admin's filter pattern (Orders, Customers, Products): "Add filter" opens a menu of
// filters, each active filter is a chip (its name, what it is set to, an × to remove it) whose
// editor opens in a popover, and "Clear all" ends them. Built from @medusajs/ui primitives so a
// list of ours looks and behaves like Medusa's own.

type ChipProps = {
  /** The filter's name: "Status". */
  name: string
  /** Between name and value, as Medusa words it ("is"); left out when empty. */
  operator?: string
  /** What the filter is set to, as staff read it; null while a just-added filter has no value yet. */
  value: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
  onRemove: () => void
  /** The editor has closed and gone (after its closing animation): a chip without a value can go now. */
  onClosed?: () => void
  /** The editor shown in the popover. */
  children: ReactNode
  /** The chip is `<testId>` with data-filter=`<filterKey>`; its parts `<testId>-edit`, `-value`, `-remove`, `-editor`. */
  testId: string
  filterKey: string
}

export function FilterChip({ name, operator, value, open, onOpenChange, onRemove, onClosed, children, testId, filterKey }: ChipProps) {
  return (
    <Popover open={open} onOpenChange={onOpenChange} modal>
      <div
        className="bg-ui-bg-field shadow-borders-base txt-compact-small-plus text-ui-fg-subtle flex min-w-0 max-w-full items-stretch overflow-hidden rounded-md"
        data-testid={testId}
        data-filter={filterKey}
      >
        <Popover.Trigger asChild>
          <button
            type="button"
            className="hover:bg-ui-bg-field-hover data-[state=open]:bg-ui-bg-field-hover focus-visible:bg-ui-bg-field-hover flex min-w-0 items-stretch text-left outline-none"
            aria-label={value === null ? `${name} filter` : `${name} ${operator ?? ""} ${value}: change`}
            data-testid={`${testId}-edit`}
          >
            <span className="text-ui-fg-muted whitespace-nowrap px-2 py-1">{name}</span>
            {value !== null && operator && <span className="text-ui-fg-muted whitespace-nowrap border-l px-2 py-1">{operator}</span>}
            {value !== null && (
              // Long values (several tags) are cut short rather than push the page sideways.
              <span className="truncate border-l px-2 py-1" title={value} data-testid={`${testId}-value`}>
                {value}
              </span>
            )}
          </button>
        </Popover.Trigger>
        {value !== null && (
          <button
            type="button"
            className="text-ui-fg-muted hover:bg-ui-bg-field-hover active:text-ui-fg-base focus-visible:bg-ui-bg-field-hover flex shrink-0 items-center border-l px-1 outline-none"
            aria-label={`Remove the ${name} filter`}
            onClick={onRemove}
            data-testid={`${testId}-remove`}
          >
            <XMarkMini />
          </button>
        )}
      </div>
      <Popover.Content
        align="start"
        collisionPadding={8}
        className="w-[300px] max-w-[calc(100vw-16px)] overflow-y-auto p-0"
        // An editor with a box opens with the box focused (not the first button before it), as Medusa's do.
        onOpenAutoFocus={(event) => {
          const box = (event.currentTarget as HTMLElement).querySelector("input")
          if (!box) return
          event.preventDefault()
          box.focus()
        }}
        // Focus stays where staff are working rather than jumping back to the chip.
        onCloseAutoFocus={(event) => event.preventDefault()}
        data-testid={`${testId}-editor`}
      >
        {children}
        <OnUnmount run={onClosed} />
      </Popover.Content>
    </Popover>
  )
}

/** Runs `run` when it leaves the page: inside an editor, once the popover has finished closing. */
function OnUnmount({ run }: { run?: () => void }) {
  const latest = useRef(run)
  useEffect(() => {
    latest.current = run
  })
  useEffect(() => () => latest.current?.(), [])
  return null
}

export type FilterMenuItem = { key: string; label: string; disabled?: boolean }

/** The "Add filter" button and its menu: the filters not in use yet, in groups (a group's heading is optional). */
export function AddFilterMenu({
  groups,
  onAdd,
  testId,
}: {
  groups: { heading?: string; items: FilterMenuItem[] }[]
  onAdd: (key: string) => void
  /** The button is `<testId>`, each item `<testId>-<key>`. */
  testId: string
}) {
  const shown = groups.filter((group) => group.items.length > 0)
  if (!shown.length) return null
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <Button size="small" variant="secondary" className="shrink-0" data-testid={testId}>
          Add filter
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="start"
        className="max-h-[min(360px,var(--radix-dropdown-menu-content-available-height))] overflow-y-auto"
        // The new filter's editor opens next and takes the focus; the button must not take it back.
        onCloseAutoFocus={(event) => event.preventDefault()}
      >
        {shown.map((group, index) => (
          <DropdownMenu.Group key={group.heading ?? index}>
            {index > 0 && <DropdownMenu.Separator />}
            {group.heading && <DropdownMenu.Label className="px-2 py-1.5">{group.heading}</DropdownMenu.Label>}
            {group.items.map((item) => (
              <DropdownMenu.Item key={item.key} disabled={item.disabled} onSelect={() => onAdd(item.key)} data-testid={`${testId}-${item.key}`}>
                {item.label}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Group>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

/** "Clear all", after the chips. */
export function ClearAllFilters({ onClear, testId }: { onClear: () => void; testId: string }) {
  return (
    <Button size="small" variant="transparent" className="text-ui-fg-muted hover:text-ui-fg-subtle shrink-0" onClick={onClear} data-testid={testId}>
      Clear all
    </Button>
  )
}

/**
 * An editor's choices as Medusa lists them: a tick for each chosen one when several can be, a dot
 * for the chosen one otherwise. Each is `<testId>-<value>` with data-state checked or unchecked.
 */
export function FilterOptionList<V extends string>({
  options,
  multiple,
  isChecked,
  isDisabled,
  onToggle,
  label,
  testId,
}: {
  options: readonly { value: V; label: string }[]
  multiple: boolean
  isChecked: (value: V) => boolean
  isDisabled?: (value: V) => boolean
  onToggle: (value: V, checked: boolean) => void
  /** What the list chooses, for screen readers. */
  label: string
  testId: string
}) {
  const Mark = multiple ? CheckMini : EllipseMiniSolid
  return (
    <div role="group" aria-label={label} className="flex max-h-64 flex-col overflow-y-auto p-1">
      {options.map((option) => {
        const checked = isChecked(option.value)
        return (
          <button
            key={option.value}
            type="button"
            role={multiple ? "checkbox" : "radio"}
            aria-checked={checked}
            data-state={checked ? "checked" : "unchecked"}
            disabled={isDisabled?.(option.value)}
            className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover active:bg-ui-bg-base-pressed txt-compact-small text-ui-fg-base disabled:text-ui-fg-disabled flex w-full items-center gap-x-2 rounded-md px-2 py-1.5 text-left outline-none disabled:pointer-events-none"
            onClick={() => onToggle(option.value, !checked)}
            data-testid={`${testId}-${option.value}`}
          >
            <span className={clx("flex size-5 shrink-0 items-center justify-center", { invisible: !checked })}>
              <Mark />
            </span>
            {option.label}
          </button>
        )
      })}
    </div>
  )
}
