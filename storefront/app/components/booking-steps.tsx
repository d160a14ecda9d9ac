import { Link } from "@remix-run/react"
import type { ReactNode } from "react"

import { FormAlert } from "~/components/field"
import { BOOKING_STEPS, STEP_LABELS, stepPath, type BookingStep } from "~/lib/booking"

type BookingStepLayoutProps = {
  serviceTitle: string
  handle: string
  step: BookingStep
  /** Steps already answered: they can be revisited. */
  answered: BookingStep[]
  /** A problem from the API or an earlier visit, shown above the form. */
  error?: string | null
  children: ReactNode
}

/** One step of "Schedule an appointment": the service, where the customer is, the problem if any, the form. */
export function BookingStepLayout({ serviceTitle, handle, step, answered, error, children }: BookingStepLayoutProps) {
  const index = BOOKING_STEPS.indexOf(step)
  const previous = index > 0 ? BOOKING_STEPS[index - 1] : null
  return (
    <section className="narrow booking-step" data-testid={`booking-step-${step}`}>
      <p className="muted booking-step__service">Book {serviceTitle}</p>
      <h1>{STEP_LABELS[step]}</h1>
      <nav aria-label="Booking steps">
        <ol className="steps">
          {BOOKING_STEPS.map((item, position) => {
            const label = `${position + 1}. ${STEP_LABELS[item]}`
            if (item === step) {
              return (
                <li key={item} aria-current="step" className="steps__current">
                  {label}
                </li>
              )
            }
            return <li key={item}>{answered.includes(item) || position < index ? <Link to={stepPath(handle, item)}>{label}</Link> : label}</li>
          })}
        </ol>
      </nav>
      <FormAlert message={error} />
      {children}
      <p className="booking-step__back">
        {previous ? (
          <Link to={stepPath(handle, previous)}>Back to {STEP_LABELS[previous].toLowerCase()}</Link>
        ) : (
          <Link to={`/services/${encodeURIComponent(handle)}`}>Back to {serviceTitle}</Link>
        )}
      </p>
    </section>
  )
}

/** The steps with an answer in the draft. */
export function answeredSteps(draft: {
  variant_id?: string
  starts_at?: string
  location?: unknown
  contact?: unknown
  instructions?: string
  payment?: unknown
}): BookingStep[] {
  const steps: BookingStep[] = []
  if (draft.variant_id) steps.push("option")
  if (draft.starts_at) steps.push("time")
  if (draft.location) steps.push("location")
  if (draft.contact) steps.push("contact")
  if (draft.instructions !== undefined) steps.push("instructions")
  if (draft.payment) steps.push("payment", "review")
  return steps
}
