import { Input, Label, RadioGroup, Select, Text } from "@medusajs/ui"
import { FREQUENCY_CHOICES, frequencyText, SERIES_MAX_COUNT, type SeriesFrequency } from "@fieldservice/contract"
import { dayOf } from "../../../../lib/schedule"
import type { BookingDraft } from "./draft"

type Props = { draft: BookingDraft; timeZone?: string; onChange: (next: Partial<BookingDraft>) => void }

const ONCE = "once"

/**
 * "How often?": just once (a single booking), or a visit that repeats every week, every 2, 3 or 4
 * weeks, or monthly (on the date or the weekday of the chosen first visit), ending never, on a
 * date, or after a number of visits.
 */
export function RepeatChoice({ draft, timeZone, onChange }: Props) {
  const firstDay = draft.startsAt ? dayOf(draft.startsAt, timeZone) : ""
  const label = (value: SeriesFrequency, fallback: string) => (firstDay ? frequencyText(value, firstDay) : fallback)
  return (
    <div className="flex flex-col gap-y-4">
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" htmlFor="new-booking-frequency">
          Frequency
        </Label>
        <Select value={draft.frequency || ONCE} onValueChange={(value) => onChange({ frequency: value === ONCE ? "" : (value as SeriesFrequency) })}>
          <Select.Trigger id="new-booking-frequency" data-testid="new-booking-frequency">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ONCE} data-testid="new-booking-frequency-option">
              Just once
            </Select.Item>
            {FREQUENCY_CHOICES.map((choice) => (
              <Select.Item key={choice.value} value={choice.value} data-testid="new-booking-frequency-option">
                {label(choice.value, choice.label)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {draft.frequency && (
        <fieldset className="flex flex-col gap-y-2" data-testid="new-booking-ends">
          <legend className="txt-compact-small-plus mb-2">Ends</legend>
          <RadioGroup value={draft.ends} onValueChange={(ends) => onChange({ ends: ends as BookingDraft["ends"] })} className="flex flex-col gap-y-2">
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="never" id="new-booking-ends-never" data-testid="new-booking-ends-never" />
              <Label htmlFor="new-booking-ends-never" size="small">
                Never (until someone ends it)
              </Label>
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="until" id="new-booking-ends-until" data-testid="new-booking-ends-until" />
              <Label htmlFor="new-booking-ends-until" size="small">
                On a date
              </Label>
              {draft.ends === "until" && (
                <Input
                  size="small"
                  type="date"
                  className="w-40"
                  aria-label="Last date of a visit"
                  value={draft.until}
                  min={firstDay || undefined}
                  onChange={(event) => onChange({ until: event.target.value })}
                  data-testid="new-booking-until"
                />
              )}
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="count" id="new-booking-ends-count" data-testid="new-booking-ends-count" />
              <Label htmlFor="new-booking-ends-count" size="small">
                After a number of visits
              </Label>
              {draft.ends === "count" && (
                <Input
                  size="small"
                  type="number"
                  className="w-24"
                  min={2}
                  max={SERIES_MAX_COUNT}
                  aria-label="Number of visits"
                  value={draft.count}
                  onChange={(event) => onChange({ count: event.target.value })}
                  data-testid="new-booking-count"
                />
              )}
            </div>
          </RadioGroup>
          <Text size="small" className="text-ui-fg-subtle">
            The first visit is booked now and the rest 8 weeks ahead, each at the same time. Repeat visits are paid on the day.
          </Text>
        </fieldset>
      )}
    </div>
  )
}
