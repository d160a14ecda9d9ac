import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert, SelectField } from "~/components/field"
import { TimePicker } from "~/components/time-window-choices"
import { businessTimeZone, problemOf } from "~/lib/api/booking.server"
import { changeBookingSeries, loadOwnSeries } from "~/lib/api/booking-series.server"
import { getAvailability, getService } from "~/lib/api/services.server"
import { seriesPath } from "~/lib/booking-series"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"
import { dayKey } from "~/lib/services"
import { PAGE_DAYS, requestedDay, timePage } from "~/lib/time-page"
import { FREQUENCY_CHOICES, SERIES_FREQUENCIES, type SeriesFrequency } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Change repeat visits: ${data.series.service_title}` : "Change repeat visits")

/** "Change from a date": the free times from then (a page at a time), how often, and the option; plain forms, no JavaScript needed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const series = await loadOwnSeries(request, token, params.id ?? "")
  if (series.status !== "active") throw redirect(seriesPath(series.id))
  // The change can start at the next visit at the soonest (never before the series starts): its times are shown first.
  const firstOpen = series.dates.find((date) => date.state === "booked" || date.state === "later")?.date ?? series.starts_on
  const requested = requestedDay(request)
  if (!requested && firstOpen > dayKey(new Date(), businessTimeZone())) throw redirect(`${seriesPath(series.id)}/change?from=${firstOpen}`)
  const [availability, service] = await Promise.all([getAvailability(series.product_id, requested, PAGE_DAYS), getService(series.product_id)])
  const page = timePage(availability, request, `${seriesPath(series.id)}/change`)
  const shown = page.day?.key ?? firstOpen
  return json({
    series: {
      id: series.id,
      service_title: series.service_title,
      option_title: series.option_title,
      variant_id: series.variant_id,
      frequency: series.frequency,
      now: `${series.frequency_text}, arriving from ${series.start_time}`,
    },
    // From the next visit, or from the day whose times are shown when that is sooner (not before the series starts).
    from: shown < firstOpen ? (shown < series.starts_on ? series.starts_on : shown) : firstOpen,
    options: (service?.variants ?? []).map((variant) => ({ value: variant.id, label: variant.title })),
    page,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const form = await request.formData()
  const startsAt = text(form, "starts_at")
  const from = text(form, "from")
  const frequency = text(form, "frequency")
  if (!startsAt || Number.isNaN(Date.parse(startsAt))) return json({ formError: "Choose the time of the first visit after the change." }, { status: 400 })
  if (!from) return json({ formError: "Choose the date the change starts from." }, { status: 400 })
  if (!(SERIES_FREQUENCIES as readonly string[]).includes(frequency)) return json({ formError: "Choose how often the visits repeat." }, { status: 400 })
  let next: string
  try {
    const changed = await changeBookingSeries(token, id, {
      action: "change",
      body: { from, starts_at: new Date(startsAt).toISOString(), frequency: frequency as SeriesFrequency, variant_id: text(form, "variant_id") || undefined },
    })
    next = changed.id
  } catch (error) {
    const problem = await problemOf(request, error)
    return json({ formError: problem.message }, { status: problem.status })
  }
  return redirect(`${seriesPath(next)}?done=change`)
}

export default function ChangeSeries() {
  const { series, from, options, page } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow" data-testid="series-change-page">
      <p className="muted">
        <Link to={seriesPath(series.id)}>Repeat visits: {series.service_title}</Link>
      </p>
      <h1>Change repeat visits</h1>
      <p>
        Now: <strong data-testid="series-change-now">{series.now}</strong>
        {series.option_title ? ` (${series.option_title})` : ""}. Visits before the date you choose stay as they are; from then on they are booked the new way.
      </p>
      <FormAlert message={result?.formError} />
      <TimePicker
        {...page}
        intro="Choose the first visit after the change."
        submitLabel="Change repeat visits"
        submitting={submitting}
        extra={
          <>
            <Field
              name="from"
              type="date"
              label="Change from"
              defaultValue={from}
              required
              hint="Visits booked from this date on are cancelled and booked again the new way."
            />
            <SelectField
              name="frequency"
              label="How often"
              defaultValue={series.frequency}
              options={FREQUENCY_CHOICES.map((choice) => ({ value: choice.value, label: choice.label }))}
            />
            {options.length > 1 ? <SelectField name="variant_id" label="Option" defaultValue={series.variant_id} options={options} /> : null}
          </>
        }
      />
    </section>
  )
}
