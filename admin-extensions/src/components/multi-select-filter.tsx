import { Button, DropdownMenu, Text } from "@medusajs/ui"

type Props<S extends string> = {
  heading: string
  /** What the button shows: the ticked options. */
  label: string
  options: readonly S[]
  labels: Record<S, string>
  isChecked: (option: S) => boolean
  isDisabled?: (option: S) => boolean
  onToggle: (option: S, checked: boolean) => void
  /** Width limit of the button, e.g. "max-w-64". */
  maxWidth: string
  /** The button is `<testId>-filter`, each option `<testId>-<option>`. */
  testId: string
}

/** A list filter that ticks several options (the bookings' and the directory's statuses). */
export function MultiSelectFilter<S extends string>({ heading, label, options, labels, isChecked, isDisabled, onToggle, maxWidth, testId }: Props<S>) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>{heading}</span>
      </Text>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" className={`${maxWidth} justify-start truncate`} data-testid={`${testId}-filter`}>
            {label}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start">
          {options.map((option) => (
            <DropdownMenu.CheckboxItem
              key={option}
              checked={isChecked(option)}
              disabled={isDisabled?.(option)}
              // Keep the menu open to tick several.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => onToggle(option, checked)}
              data-testid={`${testId}-${option}`}
            >
              {labels[option]}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}
