import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { TimePicker } from "~/components/time-window-choices"
import { stepPath } from "~/lib/booking"
import { failWith, loadStep, saveStep } from "~/lib/api/booking.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { formatWindow } from "~/lib/services"
import { getAvailability } from "~/lib/api/services.server"
import { PAGE_DAYS, requestedDay, timePage } from "~/lib/time-page"
import type { StoreAvailabilityResponse as Availability } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Book ${data.service.title}: choose a time` : "Book a service")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { service, draft, stepError, headers } = await loadStep(request, params.handle, "time")
  let availability: Availability
  try {
    availability = await getAvailability(service.id, requestedDay(request), PAGE_DAYS)
  } catch (error) {
    return failWith(request, error)
  }
  const page = timePage(availability, request, stepPath(service.handle, "time"), { chosen: draft.starts_at })
  const stillFree = availability.windows.some((window) => window.starts_at === draft.starts_at)

  return json(
    {
      service: { title: service.title, handle: service.handle },
      page: { ...page, laterUrl: page.dayLinks.length > 0 || page.from === page.today ? page.laterUrl : null },
      chosenBefore:
        draft.starts_at && !stillFree && new Date(draft.starts_at).getTime() > Date.now() ? formatWindow(draft.starts_at, null, availability.time_zone) : null,
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { draft } = await loadStep(request, params.handle, "time")
  const startsAt = text(await request.formData(), "starts_at")
  const when = Date.parse(startsAt)
  if (!startsAt || Number.isNaN(when)) {
    return json({ formError: "Choose a time for the visit." }, { status: 400 })
  }
  if (when <= Date.now()) {
    return json({ formError: "That time has already passed. Choose another time." }, { status: 400 })
  }
  return saveStep(request, { ...draft, starts_at: new Date(when).toISOString() }, "time")
}

export default function ChooseTime() {
  const { service, page, chosenBefore, answered, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="time" answered={answered} error={result?.formError ?? stepError}>
      {chosenBefore ? <p className="muted">{`The time you chose before (${chosenBefore}) isn’t shown here.`}</p> : null}
      <TimePicker {...page} intro="Choose a day, then when we should arrive." submitLabel="Continue" submitting={submitting} />
    </BookingStepLayout>
  )
}
