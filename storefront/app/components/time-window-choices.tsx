import type { DayGroup } from "~/lib/time-page"

/** Free arrival times as radio buttons, one group per day; `selected` is ticked to start with. */
export function TimeWindowChoices({ days, selected = null }: { days: DayGroup[]; selected?: string | null }) {
  return (
    <>
      {days.map((day) => (
        <fieldset key={day.key} className="choices time-day" data-testid="time-day">
          <legend>
            <span aria-hidden="true">{day.label}</span>
            <span className="visually-hidden">{day.longLabel}</span>
          </legend>
          {day.windows.map((window) => {
            const id = `window-${window.startsAt.replace(/[^0-9]/g, "")}`
            return (
              <div className="choice" key={window.startsAt}>
                <input type="radio" id={id} name="starts_at" value={window.startsAt} defaultChecked={window.startsAt === selected} required />
                <label htmlFor={id}>
                  {window.label}
                  {window.fewLeft ? <span className="muted"> (last place)</span> : null}
                </label>
              </div>
            )
          })}
        </fieldset>
      ))}
    </>
  )
}
