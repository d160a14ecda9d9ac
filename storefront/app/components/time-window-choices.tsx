import { Form, Link } from "@remix-run/react"
import type { ReactNode } from "react"

import type { DayGroup, DayLink } from "~/lib/time-page"

type Props = {
  dayLinks: DayLink[]
  day: DayGroup | null
  selected: string | null
  range: string
  earlierUrl: string | null
  laterUrl: string | null
  submitLabel: string
  submitting: boolean
  /** The sentence before the range, e.g. "Choose when we should arrive." */
  intro: ReactNode
  /** More answers in the same form, below the times (the booking's "How often?"). */
  extra?: ReactNode
}

/**
 * Free arrival times: the days that have any as links (they work without JavaScript), then the
 * chosen day's windows as radio buttons with none ticked unless the customer ticked it before.
 */
export function TimePicker({ dayLinks, day, selected, range, earlierUrl, laterUrl, submitLabel, submitting, intro, extra }: Props) {
  return (
    <>
      <p>
        {intro} {dayLinks.length ? "Free times from " : "There are no free times from "}
        <span data-testid="time-range">{range}</span>.{dayLinks.length ? null : " Try later dates."}
      </p>
      {dayLinks.length > 0 && day ? (
        <>
          <nav aria-label="Days with free times" className="day-list">
            <ul>
              {dayLinks.map((link) => (
                <li key={link.key}>
                  <Link
                    to={link.url}
                    className="day-link"
                    aria-current={link.key === day.key ? "date" : undefined}
                    aria-label={`${link.longLabel}, ${link.count} free ${link.count === 1 ? "time" : "times"}`}
                    preventScrollReset
                    data-testid="time-day-link"
                  >
                    <span className="day-link__day">{link.label}</span>
                    <span className="day-link__count" aria-hidden="true">
                      {link.count} free
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Form method="post" className="form">
            <fieldset className="choices choices--stacked time-day" data-testid="time-day">
              <legend>Arrival times on {day.longLabel}</legend>
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
            {extra}
            <button type="submit" className="button" disabled={submitting}>
              {submitLabel}
            </button>
          </Form>
        </>
      ) : null}
      <nav aria-label="More dates" className="pager">
        {earlierUrl ? <Link to={earlierUrl}>Earlier dates</Link> : null}
        {laterUrl ? <Link to={laterUrl}>Later dates</Link> : null}
      </nav>
    </>
  )
}
