import { ChevronLeftMini, ChevronRightMini } from "@medusajs/icons"
import { Button, IconButton, Input, Label, Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useDebounced } from "../../../lib/use-debounced"
import type { AdminScheduleService } from "@fieldservice/contract"

type ScheduleFiltersProps = {
  view: "day" | "week"
  day: string
  postcodeArea: string
  serviceId: string
  services: AdminScheduleService[]
  onChange: (changes: Record<string, string | null>) => void
  onStep: (direction: -1 | 0 | 1) => void
}

/** The board's toolbar: day or week, previous / today / next, a date, and the postcode area and service filters. */
export function ScheduleFilters({ view, day, postcodeArea, serviceId, services, onChange, onStep }: ScheduleFiltersProps) {
  const [area, setArea] = useState(postcodeArea)
  const typed = useDebounced(area.trim().toUpperCase())
  useEffect(() => {
    if (typed !== postcodeArea) onChange({ postcode_area: typed || null })
    // Only the debounced text drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])

  return (
    <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="schedule-filters">
      <div className="flex items-center gap-x-1">
        <Button size="small" variant={view === "day" ? "primary" : "secondary"} onClick={() => onChange({ view: "day" })} data-testid="schedule-view-day">
          Day
        </Button>
        <Button size="small" variant={view === "week" ? "primary" : "secondary"} onClick={() => onChange({ view: "week" })} data-testid="schedule-view-week">
          Week
        </Button>
      </div>
      <div className="flex items-center gap-x-1">
        <IconButton size="small" variant="transparent" onClick={() => onStep(-1)} aria-label={`Previous ${view}`} data-testid="schedule-previous">
          <ChevronLeftMini />
        </IconButton>
        <Button size="small" variant="secondary" onClick={() => onStep(0)} data-testid="schedule-today">
          Today
        </Button>
        <IconButton size="small" variant="transparent" onClick={() => onStep(1)} aria-label={`Next ${view}`} data-testid="schedule-next">
          <ChevronRightMini />
        </IconButton>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" htmlFor="schedule-day" className="text-ui-fg-subtle">
          Date
        </Label>
        <Input
          id="schedule-day"
          size="small"
          type="date"
          value={day}
          onChange={(event) => event.target.value && onChange({ day: event.target.value })}
          data-testid="schedule-day"
        />
      </div>
      <div className="flex w-36 flex-col gap-y-1">
        <Label size="xsmall" htmlFor="schedule-area" className="text-ui-fg-subtle">
          Postcode area
        </Label>
        <Input id="schedule-area" size="small" placeholder="BS6" value={area} onChange={(event) => setArea(event.target.value)} data-testid="schedule-area" />
      </div>
      <div className="flex w-56 flex-col gap-y-1">
        <Label size="xsmall" htmlFor="schedule-service" className="text-ui-fg-subtle">
          Service
        </Label>
        <Select size="small" value={serviceId || "all"} onValueChange={(next) => onChange({ service_id: next === "all" ? null : next })}>
          <Select.Trigger id="schedule-service" data-testid="schedule-service">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All services</Select.Item>
            {services.map((service) => (
              <Select.Item key={service.id} value={service.id}>
                {service.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    </div>
  )
}
