import { Checkbox, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { AdminDependentTypeListResponse } from "@fieldservice/contract"
import { sdk } from "../../lib/sdk"
import { dependentTypesPath } from "../../lib/custom-fields"

/**
 * Which kinds of dependent this service is for: the booking asks "Which of your pets is this visit
 * for?" only for the kinds ticked (a grooming: pets; a home clean: none).
 */
export function DependentTypesField({ id, selected, onChange }: { id: string; selected: string[]; onChange: (ids: string[]) => void }) {
  const { data, isLoading } = useQuery({
    queryKey: ["dependent-types"],
    queryFn: () => sdk.client.fetch<AdminDependentTypeListResponse>(dependentTypesPath()),
  })
  const types = data?.dependent_types ?? []
  const toggle = (typeId: string, on: boolean) => onChange(on ? [...selected, typeId] : selected.filter((idOn) => idOn !== typeId))
  return (
    <fieldset id={id} className="flex flex-col gap-y-2" data-testid="product-service-dependent-types">
      <legend className="txt-compact-small-plus mb-1">Ask which of the customer&rsquo;s … the visit is for</legend>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      ) : types.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No dependent types yet (Settings → Customer profiles).
        </Text>
      ) : (
        types.map((type) => (
          <div key={type.id} className="flex items-center gap-x-2">
            <Checkbox id={`${id}-${type.id}`} checked={selected.includes(type.id)} onCheckedChange={(checked) => toggle(type.id, checked === true)} />
            <Label htmlFor={`${id}-${type.id}`} size="small">
              {type.label_plural}
            </Label>
          </div>
        ))
      )}
      <Text size="small" className="text-ui-fg-subtle">
        Leave all unticked for a service that doesn&rsquo;t concern them.
      </Text>
    </fieldset>
  )
}
