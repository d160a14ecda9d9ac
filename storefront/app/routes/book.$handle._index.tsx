import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { loadStep, saveStep } from "~/lib/api/booking.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { formatDuration, formatMoney } from "~/lib/services"
import { OfficeContact } from "~/components/office-contact"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Book ${data.service.title}: choose an option` : "Book a service")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { service, draft, stepError, headers } = await loadStep(request, params.handle, "option")
  const options = service.variants.map((variant) => ({
    id: variant.id,
    title: variant.title,
    price: variant.price === null ? null : formatMoney(variant.price, service.currency_code),
  }))
  // Only the option the customer chose before: a price is never picked for them.
  const selected = options.some((option) => option.id === draft.variant_id) ? draft.variant_id : null
  return json(
    {
      service: { title: service.title, handle: service.handle, duration: formatDuration(service.duration_minutes) },
      options,
      selected,
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { service, draft } = await loadStep(request, params.handle, "option")
  const variantId = text(await request.formData(), "variant_id")
  if (!service.variants.some((variant) => variant.id === variantId)) {
    return json({ formError: "Choose one of the options." }, { status: 400 })
  }
  return saveStep(request, { ...draft, variant_id: variantId }, "option")
}

export default function ChooseOption() {
  const { service, options, selected, answered, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="option" answered={answered} error={result?.formError ?? stepError}>
      {options.length === 0 ? (
        <p>
          This service can&rsquo;t be booked online yet. Please <OfficeContact /> to arrange a visit.
        </p>
      ) : (
        <Form method="post" className="form">
          <fieldset className="choices choices--stacked">
            <legend>Which option do you need?</legend>
            {options.map((option) => (
              <div className="choice" key={option.id}>
                <input type="radio" id={`variant-${option.id}`} name="variant_id" value={option.id} defaultChecked={option.id === selected} required />
                <label htmlFor={`variant-${option.id}`}>
                  {option.title}
                  {option.price ? <span className="muted"> · {option.price}</span> : null}
                </label>
              </div>
            ))}
          </fieldset>
          <p className="muted">Each visit takes about {service.duration}.</p>
          <button type="submit" className="button" disabled={submitting}>
            Continue
          </button>
        </Form>
      )}
    </BookingStepLayout>
  )
}
