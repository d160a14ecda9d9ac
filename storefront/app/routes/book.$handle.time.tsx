import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps";
import { stepPath } from "~/lib/booking";
import { failWith, loadStep, saveStep } from "~/lib/booking.server";
import { text } from "~/lib/forms";
import { getAvailability, type Availability } from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";
import { addDays, dayKey, formatDay, formatLongDay, formatTimeRange, formatWindow, isDay } from "~/lib/services";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Book ${data.service.title}: choose a time` : "Book a service");

/** How many days one page of times covers. */
const PAGE_DAYS = 14;

type DayGroup = {
  key: string;
  label: string;
  longLabel: string;
  windows: Array<{ startsAt: string; label: string; fewLeft: boolean }>;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { service, draft, stepError, headers } = await loadStep(request, params.handle, "time");
  const requested = new URL(request.url).searchParams.get("from");
  let availability: Availability;
  try {
    availability = await getAvailability(service.id, isDay(requested) ? requested : undefined, PAGE_DAYS);
  } catch (error) {
    return failWith(request, error);
  }
  const zone = availability.time_zone;
  const today = dayKey(new Date(), zone);
  const from = isDay(requested) && requested > today ? requested : today;

  const days: DayGroup[] = [];
  for (const window of availability.windows) {
    const start = new Date(window.starts_at);
    const key = dayKey(start, zone);
    let group = days[days.length - 1];
    if (!group || group.key !== key) {
      group = { key, label: formatDay(start, zone), longLabel: formatLongDay(start, zone), windows: [] };
      days.push(group);
    }
    group.windows.push({
      startsAt: window.starts_at,
      label: formatTimeRange(window.starts_at, window.ends_at, zone),
      fewLeft: window.remaining === 1,
    });
  }
  const all = days.flatMap((day) => day.windows.map((window) => window.startsAt));
  // The time chosen before when it is still free, else the first free one, so Continue alone moves on.
  const selected = draft.starts_at && all.includes(draft.starts_at) ? draft.starts_at : (all[0] ?? null);
  const earlier = from > today ? (addDays(from, -PAGE_DAYS) > today ? addDays(from, -PAGE_DAYS) : today) : null;
  const base = stepPath(service.handle, "time");

  return json(
    {
      service: { title: service.title, handle: service.handle },
      days,
      selected,
      chosenBefore:
        draft.starts_at && !all.includes(draft.starts_at) && new Date(draft.starts_at).getTime() > Date.now()
          ? formatWindow(draft.starts_at, null, zone)
          : null,
      range: `${formatDay(new Date(`${from}T12:00:00Z`), "UTC")} to ${formatDay(new Date(`${addDays(from, PAGE_DAYS - 1)}T12:00:00Z`), "UTC")}`,
      earlierUrl: earlier ? (earlier === today ? base : `${base}?from=${earlier}`) : null,
      laterUrl: days.length > 0 || from === today ? `${base}?from=${addDays(from, PAGE_DAYS)}` : null,
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { draft } = await loadStep(request, params.handle, "time");
  const startsAt = text(await request.formData(), "starts_at");
  const when = Date.parse(startsAt);
  if (!startsAt || Number.isNaN(when)) {
    return json({ formError: "Choose a time for the visit." }, { status: 400 });
  }
  if (when <= Date.now()) {
    return json({ formError: "That time has already passed. Choose another time." }, { status: 400 });
  }
  return saveStep(request, { ...draft, starts_at: new Date(when).toISOString() }, "time");
}

export default function ChooseTime() {
  const { service, days, selected, chosenBefore, range, earlierUrl, laterUrl, answered, stepError } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <BookingStepLayout
      serviceTitle={service.title}
      handle={service.handle}
      step="time"
      answered={answered}
      error={result?.formError ?? stepError}
    >
      <p>
        Choose when we should arrive. Free times from <span data-testid="time-range">{range}</span>.
      </p>
      {chosenBefore ? (
        <p className="muted">{`The time you chose before (${chosenBefore}) isn’t shown here.`}</p>
      ) : null}
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
                    <input
                      type="radio"
                      id={id}
                      name="starts_at"
                      value={window.startsAt}
                      defaultChecked={window.startsAt === selected}
                      required
                    />
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
            Continue
          </button>
        </Form>
      )}
      <nav aria-label="More dates" className="pager">
        {earlierUrl ? <Link to={earlierUrl}>Earlier dates</Link> : null}
        {laterUrl ? <Link to={laterUrl}>Later dates</Link> : null}
      </nav>
    </BookingStepLayout>
  );
}
