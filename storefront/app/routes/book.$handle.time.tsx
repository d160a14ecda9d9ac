import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { RepeatFields } from "~/components/booking-series/repeat-fields"
import { TimePicker } from "~/components/time-window-choices"
import { stepPath } from "~/lib/booking"
import { failWith, loadStep, saveStep } from "~/lib/api/booking.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { formatWindow } from "~/lib/services"
import { getAvailability } from "~/lib/api/services.server"
import { PAGE_DAYS, requestedDay, timePage } from "~/lib/time-page"
import { fieldProblems, repeatChoiceForm, type StoreAvailabilityResponse as Availability } from "@fieldservice/contract"

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
      repeat: draft.repeat ?? null,
      stepError,
    },
    { headers }
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { draft } = await loadStep(request, params.handle, "time")
  const form = await request.formData()
  const startsAt = text(form, "starts_at")
  const when = Date.parse(startsAt)
  if (!startsAt || Number.isNaN(when)) {
    return json({ formError: "Choose a time for the visit." }, { status: 400 })
  }
  if (when <= Date.now()) {
    return json({ formError: "That time has already passed. Choose another time." }, { status: 400 })
  }
  // How often: just once, or repeat visits with how they end.
  const answers = { frequency: text(form, "frequency") || "once", ends: text(form, "ends") || "never", until: text(form, "until"), count: text(form, "count") }
  const repeat = repeatChoiceForm.safeParse(answers)
  if (!repeat.success) {
    const problems = fieldProblems<"frequency" | "until" | "count">(repeatChoiceForm, answers)
    const repeatErrors: { until?: string; count?: string } = { until: problems.until, count: problems.count }
    return json({ formError: problems.frequency ?? "Check how often the visits repeat.", repeatErrors }, { status: 400 })
  }
  return saveStep(request, { ...draft, starts_at: new Date(when).toISOString(), repeat: repeat.data }, "time")
}

export default function ChooseTime() {
  const { service, page, chosenBefore, answered, repeat, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="time" answered={answered} error={result?.formError ?? stepError}>
      {chosenBefore ? <p className="muted">{`The time you chose before (${chosenBefore}) isn’t shown here.`}</p> : null}
      <TimePicker
        {...page}
        intro="Choose a day, then when we should arrive."
        submitLabel="Continue"
        submitting={submitting}
        extra={<RepeatFields chosen={repeat} errors={(result as { repeatErrors?: { until?: string; count?: string } } | undefined)?.repeatErrors} />}
      />
    </BookingStepLayout>
  )
}
