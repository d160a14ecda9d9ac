import { Input, Label } from "@medusajs/ui"

export function DateFilter({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string
  label: string
  value: string
  min?: string
  max?: string
  onChange: (value: string) => void
}) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="xsmall" htmlFor={id} className="text-ui-fg-subtle">
        {label}
      </Label>
      <Input id={id} size="small" type="date" value={value} min={min} max={max} onChange={(event) => onChange(event.target.value)} data-testid={id} />
    </div>
  )
}
