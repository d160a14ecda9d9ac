import { DatePicker, I18nProvider, Label } from "@medusajs/ui"
import { useId } from "react"
import { dateToDay, dayToDate } from "../../../lib/directory"

const MIN_YEAR = 1900

/**
 * A day picked with Medusa's date picker, kept in the address as "2026-03-12"; the picker shows it
 * in the admin's locale. `min`/`max` are days too.
 */
export function DayPicker({
  label,
  value,
  min,
  max,
  locale,
  onChange,
  testId,
}: {
  label: string
  value: string | null
  min?: string | null
  max?: string | null
  locale: string
  onChange: (day: string | null) => void
  testId: string
}) {
  const id = useId()
  return (
    <div className="flex flex-col gap-y-1" data-testid={testId}>
      <Label size="xsmall" weight="plus" id={id}>
        {label}
      </Label>
      {/* Medusa's admin gives the picker its own language; ours follows the admin's locale as the chips do. */}
      <I18nProvider locale={locale}>
        <DatePicker
          size="small"
          modal
          aria-labelledby={id}
          value={dayToDate(value)}
          minValue={dayToDate(min ?? null) ?? undefined}
          maxValue={dayToDate(max ?? null) ?? undefined}
          onChange={(date) => {
            // A year still being typed ("2", "20", "202") is no day yet.
            if (date && date.getFullYear() < MIN_YEAR) return
            // The picker also reports the value it was given; only a real change goes to the address (and back to page 1).
            const day = date ? dateToDay(date) : null
            if (day !== value) onChange(day)
          }}
        />
      </I18nProvider>
    </div>
  )
}

/** The last visit's editor: from and to, either or both. */
export function LastVisitEditor({
  from,
  to,
  locale,
  onChange,
}: {
  from: string | null
  to: string | null
  locale: string
  onChange: (changes: Record<string, string | null>) => void
}) {
  return (
    <div className="flex flex-col gap-y-3 p-3">
      <DayPicker label="From" value={from} max={to} locale={locale} onChange={(day) => onChange({ last_booking_from: day })} testId="crm-directory-last-from" />
      <DayPicker label="To" value={to} min={from} locale={locale} onChange={(day) => onChange({ last_booking_to: day })} testId="crm-directory-last-to" />
    </div>
  )
}
