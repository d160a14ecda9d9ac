import { Plus, XMark } from "@medusajs/icons"
import { IconButton, Input, Switch, Text } from "@medusajs/ui"
import { FieldMessage, useFieldMessage } from "../../components/entry-drawer"
import { type DayHours, DEFAULT_PERIOD, SERVICE_LABELS, WEEKDAYS } from "../../lib/service"

/**
 * Per weekday: open or closed, and when open its periods (start and end times). Test ids:
 * `<id>-<weekday>-open`, `-start-<n>`, `-end-<n>`, `-add`, `-remove-<n>`.
 */
export function OpeningHoursEditor({ id, timeZone, days, onChange }: { id: string; timeZone: string; days: DayHours[]; onChange: (days: DayHours[]) => void }) {
  const change = (weekday: number, update: (day: DayHours) => DayHours) => onChange(days.map((day) => (day.weekday === weekday ? update(day) : day)))
  // A refused save's message about the hours ("Each opening period must end after it starts") shows under them.
  const message = useFieldMessage("working_hours", SERVICE_LABELS.working_hours)

  return (
    <fieldset className="flex flex-col gap-y-2" id={id} data-testid={id}>
      <legend className="mb-2 flex flex-col gap-y-1">
        <Text size="small" weight="plus" leading="compact" asChild>
          <span>{SERVICE_LABELS.working_hours}</span>
        </Text>
        <Text size="small" className="text-ui-fg-subtle" asChild>
          <span>Arrival windows are offered within these hours{timeZone ? ` (${timeZone})` : ""}.</span>
        </Text>
      </legend>
      {days.map((day) => {
        const { name, short } = WEEKDAYS.find((weekday) => weekday.weekday === day.weekday) ?? { name: "", short: "" }
        const dayId = `${id}-${day.weekday}`
        return (
          <div key={day.weekday} className="grid grid-cols-[3rem_2.5rem_1fr] items-start gap-x-2" data-testid={dayId}>
            <Text size="small" leading="compact" className="pt-2" asChild>
              <label htmlFor={`${dayId}-open`} title={name}>
                {short}
              </label>
            </Text>
            <div className="pt-1.5">
              <Switch
                id={`${dayId}-open`}
                aria-label={`Open on ${name}`}
                checked={day.open}
                onCheckedChange={(open) =>
                  change(day.weekday, (current) => ({
                    ...current,
                    open,
                    periods: current.periods.length ? current.periods : [{ ...DEFAULT_PERIOD }],
                  }))
                }
                data-testid={`${dayId}-open`}
              />
            </div>
            {day.open ? (
              <div className="flex flex-col gap-y-1">
                {day.periods.map((period, index) => (
                  <div key={index} className="flex items-center gap-x-1">
                    <Input
                      type="time"
                      size="small"
                      aria-label={`${name} opens`}
                      value={period.start}
                      onChange={(event) =>
                        change(day.weekday, (current) => ({
                          ...current,
                          periods: current.periods.map((p, i) => (i === index ? { ...p, start: event.target.value } : p)),
                        }))
                      }
                      data-testid={`${dayId}-start-${index}`}
                    />
                    <Text size="small" className="text-ui-fg-subtle" aria-hidden>
                      –
                    </Text>
                    <Input
                      type="time"
                      size="small"
                      aria-label={`${name} closes`}
                      value={period.end}
                      onChange={(event) =>
                        change(day.weekday, (current) => ({
                          ...current,
                          periods: current.periods.map((p, i) => (i === index ? { ...p, end: event.target.value } : p)),
                        }))
                      }
                      data-testid={`${dayId}-end-${index}`}
                    />
                    {index === 0 ? (
                      <IconButton
                        size="small"
                        variant="transparent"
                        type="button"
                        aria-label={`Add another period on ${name}`}
                        onClick={() =>
                          change(day.weekday, (current) => ({
                            ...current,
                            periods: [
                              ...current.periods,
                              { start: current.periods[current.periods.length - 1]?.end ?? DEFAULT_PERIOD.start, end: DEFAULT_PERIOD.end },
                            ],
                          }))
                        }
                        data-testid={`${dayId}-add`}
                      >
                        <Plus />
                      </IconButton>
                    ) : (
                      <IconButton
                        size="small"
                        variant="transparent"
                        type="button"
                        aria-label={`Remove this period on ${name}`}
                        onClick={() => change(day.weekday, (current) => ({ ...current, periods: current.periods.filter((_, i) => i !== index) }))}
                        data-testid={`${dayId}-remove-${index}`}
                      >
                        <XMark />
                      </IconButton>
                    )}
                  </div>
                ))}
              </div>
            ) : (
              <Text size="small" leading="compact" className="pt-2 text-ui-fg-muted">
                Closed
              </Text>
            )}
          </div>
        )
      })}
      <FieldMessage message={message} testId={`${id}-error`} />
    </fieldset>
  )
}
