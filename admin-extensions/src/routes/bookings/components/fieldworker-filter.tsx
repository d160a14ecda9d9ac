import { Select, Text } from "@medusajs/ui"
import { useFieldworkers } from "../../../lib/bookings"

export function FieldworkerFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { data } = useFieldworkers()
  return (
    <div className="flex w-48 flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Fieldworker</span>
      </Text>
      <Select size="small" value={value || "any"} onValueChange={(next) => onChange(next === "any" ? "" : next)}>
        <Select.Trigger data-testid="bookings-fieldworker-filter">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="any">Anyone</Select.Item>
          <Select.Item value="none">Unassigned</Select.Item>
          {(data?.fieldworkers ?? []).map((fieldworker) => (
            <Select.Item key={fieldworker.id} value={fieldworker.id}>
              {fieldworker.active ? fieldworker.name : `${fieldworker.name} (inactive)`}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
