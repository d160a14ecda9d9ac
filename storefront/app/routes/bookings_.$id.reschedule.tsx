import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { FormAlert } from "~/components/field";
import { businessTimeZone, failWith, problemOf } from "~/lib/booking.server";
import { toBookingView } from "~/lib/bookings";
import { text } from "~/lib/forms";
import { cutoffText, formatMoment, officeContact } from "~/lib/manage-booking";
import { loadManagedBooking, rescheduleBooking } from "~/lib/manage-booking.server";
import { getAvailability, type Availability } from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";
import { addDays, dayKey, formatDay, formatLongDay, formatTimeRange, isDay } from "~/lib/services";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Reschedule booking ${data.booking.number}` : "Reschedule booking");

/** How many days one page of times covers (as in the booking flow's time step). */
const PAGE_DAYS = 14;

type DayGroup = {
  key: string;
  label: string;
  longLabel: string;
  windows: Array<{ startsAt: string; label: string; fewLeft: boolean }>;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await loadManagedBooking(request, params.id);
  const { booking, changes } = data;
  const zone = businessTimeZone();
  const view = toBookingView(booking, zone);
  const base = `/bookings/${encodeURIComponent(booking.id)}/reschedule`;
  const requested = new URL(request.url).searchParams.get("from");

  const days: DayGroup[] = [];
  let range: string | null = null;
  let earlierUrl: string | null = null;
  let laterUrl: string | null = null;
  // Times are only offered while the visit can still be moved.
  if (changes.can_reschedule && booking.product_id) {
    let availability: Availability;
    try {
      availability = await getAvailability(booking.service_handle ?? booking.product_id, isDay(requested) ? requested : undefined, PAGE_DAYS);
    } catch (error) {
      return failWith(request, error);
    }
    const tz = availability.time_zone;
    const today = dayKey(new Date(), tz);
    const from = isDay(requested) && requested > today ? requested : today;
    const current = new Date(booking.starts_at).getTime();
    for (const window of availability.windows) {
      const start = new Date(window.starts_at);
      // The visit's own time is not a new one.
      if (start.getTime() === current) continue;
      const key = dayKey(start, tz);
      let group = days[days.length - 1];
      if (!group || group.key !== key) {
        group = { key, label: formatDay(start, tz), longLabel: formatLongDay(start, tz), windows: [] };
        days.push(group);
      }
      group.windows.push({ startsAt: window.starts_at, label: formatTimeRange(window.starts_at, window.ends_at, tz), fewLeft: window.remaining === 1 });
    }
    const earlier = from > today ? (addDays(from, -PAGE_DAYS) > today ? addDays(from, -PAGE_DAYS) : today) : null;
    range = `${formatDay(new Date(`${from}T12:00:00Z`), "UTC")} to ${formatDay(new Date(`${addDays(from, PAGE_DAYS - 1)}T12:00:00Z`), "UTC")}`;
    earlierUrl = earlier ? (earlier === today ? base : `${base}?from=${earlier}`) : null;
    laterUrl = `${base}?from=${addDays(from, PAGE_DAYS)}`;
  }

  return json({
    booking: { id: view.id, number: view.number, service: view.service, when: view.when },
    refusal: changes.can_reschedule
      ? booking.product_id
        ? null
        : `This booking can't be moved online. To change its time, please ${officeContact(changes)}.`
      : changes.reschedule_refusal,
    until: changes.reschedule_until ? formatMoment(changes.reschedule_until, zone) : null,
    cutoff: cutoffText(changes.reschedule_cutoff_hours),
    policy: changes.cancellation_policy,
    days,
    range,
    earlierUrl,
    laterUrl,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, data } = await loadManagedBooking(request, params.id);
  const startsAt = text(await request.formData(), "starts_at");
  if (!startsAt || Number.isNaN(Date.parse(startsAt))) {
    return json({ formError: "Choose the new time for your visit." }, { status: 400 });
  }
  try {
    await rescheduleBooking(token, data.booking.id, new Date(startsAt).toISOString());
  } catch (error) {
    const problem = await problemOf(request, error);
    // The times shown again are fresh: one just taken is no longer among them.
    return json({ formError: problem.message }, { status: problem.status });
  }
  return redirect(`/bookings/${encodeURIComponent(data.booking.id)}?done=rescheduled`);
}

export default function RescheduleBooking() {
  const { booking, refusal, until, cutoff, policy, days, range, earlierUrl, laterUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const back = `/bookings/${encodeURIComponent(booking.id)}`;
  return (
    <section className="narrow" data-testid="reschedule-booking">
      <p className="muted">
        <Link to={back}>Back to booking {booking.number}</Link>
      </p>
      <h1>Reschedule {booking.service}</h1>
      <p>
        Your visit is now <strong data-testid="reschedule-current">{booking.when}</strong>.
      </p>
      <section aria-labelledby="policy-heading" className="booking-section" data-testid="reschedule-policy">
        <h2 id="policy-heading">Our rescheduling policy</h2>
        <p>{`You can move a visit online until ${cutoff}.`}</p>
        <p>{policy}</p>
      </section>
      {refusal ? (
        <p role="alert" className="alert" data-testid="reschedule-refused">
          {refusal}
        </p>
      ) : (
        <>
          <FormAlert message={result?.formError} />
          <p>
            {`Choose a new arrival time (you can do this until ${until}). Free times from `}
            <span data-testid="time-range">{range}</span>.
          </p>
          {days.length === 0 ? (
            <p data-testid="no-times">There are no free times in these dates. Try later dates.</p>
          ) : (
            <Form method="post" className="form">
              {days.map((day) => (
                <fieldset key={day.key} className="choices time-day" data-testid="time-day">
                  <legend>
                    <span aria-hidden="true">{day.label}</span>
                    <span className="visually-hidden">{day.longLabel}</span>
                  </legend>
                  {day.windows.map((window) => {
                    const id = `window-${window.startsAt.replace(/[^0-9]/g, "")}`;
                    return (
                      <div className="choice" key={window.startsAt}>
                        <input type="radio" id={id} name="starts_at" value={window.startsAt} required />
                        <label htmlFor={id}>
                          {window.label}
                          {window.fewLeft ? <span className="muted"> (last place)</span> : null}
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
              ))}
              <button type="submit" className="button" disabled={submitting}>
                Move my visit
              </button>
            </Form>
          )}
          <nav aria-label="More dates" className="pager">
            {earlierUrl ? <Link to={earlierUrl}>Earlier dates</Link> : null}
            {laterUrl ? <Link to={laterUrl}>Later dates</Link> : null}
          </nav>
        </>
      )}
    </section>
  );
}
