import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { seriesStatus } from "~/components/booking-series/series-list"
import { Field, FormAlert } from "~/components/field"
import { problemOf } from "~/lib/api/booking.server"
import { changeBookingSeries, loadOwnSeries } from "~/lib/api/booking-series.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { seriesPath } from "~/lib/booking-series"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { formatDay, formatWindow } from "~/lib/services"
import { requireToken } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Repeat visits: ${data.series.service_title}` : "Repeat visits")

const DONE: Record<string, string> = {
  set_up: "Your repeat visits are booked. We book each visit 8 weeks ahead and email you if one can't be at the usual time.",
  skip: "That visit is skipped.",
  pause: "Your repeat visits are paused for those dates.",
  end: "Your repeat visits are ended.",
  change: "Your repeat visits are changed. Visits from the date you chose are booked the new way.",
}

const STATE_LABELS: Record<string, string> = {
  booked: "Booked",
  skipped: "Skipped",
  paused: "Paused",
  cancelled: "Cancelled",
  later: "Not booked yet (we book 8 weeks ahead)",
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const series = await loadOwnSeries(request, token, params.id ?? "")
  const zone = businessTimeZone()
  const search = new URL(request.url).searchParams
  const done = Object.keys(DONE).find((key) => search.has(key) || search.get("done") === key)
  return json({
    series,
    done: done ? DONE[done] : null,
    dates: series.dates.map((date) => ({
      date: date.date,
      state: date.state,
      label: formatDay(new Date(`${date.date}T12:00:00Z`), zone),
      // The visit's own time when booked: the usual one, or where it was moved to.
      time: date.booking ? formatWindow(date.booking.starts_at, date.booking.window_ends_at, zone) : null,
      moved: date.booking?.moved ?? false,
      bookingId: date.booking && date.state === "booked" ? date.booking.id : null,
    })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const form = await request.formData()
  const intent = text(form, "intent")
  try {
    if (intent === "skip") await changeBookingSeries(token, id, { action: "skip", body: { date: text(form, "date") } })
    else if (intent === "pause") await changeBookingSeries(token, id, { action: "pause", body: { from: text(form, "from"), to: text(form, "to") } })
    else if (intent === "end") await changeBookingSeries(token, id, { action: "end", body: { from: text(form, "from") || null } })
    else return json({ formError: "Choose what to change." }, { status: 400 })
  } catch (error) {
    const problem = await problemOf(request, error)
    return json({ formError: problem.message }, { status: problem.status })
  }
  return redirect(`${seriesPath(id)}?done=${intent}`)
}

export default function SeriesPage() {
  const { series, done, dates } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const active = series.status === "active"
  return (
    <section className="narrow" data-testid="series-page">
      <p className="muted">
        <Link to="/bookings">My bookings</Link>
      </p>
      <h1>Repeat visits: {series.service_title}</h1>
      {done ? (
        <p role="status" className="notice" data-testid="series-done">
          {done}
        </p>
      ) : null}
      <FormAlert message={result?.formError} />
      <dl className="details">
        <dt>How often</dt>
        <dd data-testid="series-frequency">{`${series.frequency_text}, arriving from ${series.start_time}`}</dd>
        {series.option_title ? (
          <>
            <dt>Option</dt>
            <dd>{series.option_title}</dd>
          </>
        ) : null}
        <dt>Address</dt>
        <dd>{series.location_text ?? "To be confirmed"}</dd>
        <dt>Ends</dt>
        <dd>{series.until ? `After ${series.until}` : series.count ? `After ${series.count} visits` : "No end date"}</dd>
        <dt>Status</dt>
        <dd data-testid="series-status">{seriesStatus(series)}</dd>
        <dt>Payment</dt>
        <dd>On the day of each visit</dd>
      </dl>
      {active ? (
        <section aria-labelledby="dates-heading" className="booking-section">
          <h2 id="dates-heading">The next 8 weeks</h2>
          <ul className="series-dates">
            {dates.map((date) => (
              <li key={date.date} data-testid="series-date" data-date={date.date} data-state={date.state}>
                <strong>{date.moved ? `${date.label}: moved to ${date.time}` : (date.time ?? date.label)}</strong>
                <span className="muted">
                  {STATE_LABELS[date.state]}
                  {date.moved ? " (not the usual time)" : ""}
                </span>
                {date.state === "booked" || date.state === "later" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="skip" />
                    <input type="hidden" name="date" value={date.date} />
                    <button type="submit" className="button button--secondary" disabled={submitting} aria-label={`Skip the visit on ${date.label}`}>
                      Skip
                    </button>
                  </Form>
                ) : null}
                {date.bookingId ? (
                  <Link to={`/bookings/${encodeURIComponent(date.bookingId)}/reschedule`} aria-label={`Move the visit on ${date.label}`}>
                    Move
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {active ? (
        <>
          <section aria-labelledby="change-heading" className="booking-section">
            <h2 id="change-heading">Change from a date</h2>
            <p>A new time, how often, or another option, from a date on.</p>
            <p>
              <Link to={`${seriesPath(series.id)}/change`} className="button button--secondary" data-testid="series-change-link">
                Change repeat visits
              </Link>
            </p>
          </section>
          <section aria-labelledby="pause-heading" className="booking-section">
            <h2 id="pause-heading">Pause for a while</h2>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="pause" />
              <Field name="from" type="date" label="No visits from" required />
              <Field name="to" type="date" label="Until (included)" required />
              <button type="submit" className="button" disabled={submitting}>
                Pause these visits
              </button>
            </Form>
          </section>
          <section aria-labelledby="end-heading" className="booking-section">
            <h2 id="end-heading">End the repeat visits</h2>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="end" />
              <Field name="from" id="end-from" type="date" label="No more visits from" hint="Leave empty to end from today." />
              <button type="submit" className="button button--secondary" disabled={submitting}>
                End repeat visits
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </section>
  )
}
