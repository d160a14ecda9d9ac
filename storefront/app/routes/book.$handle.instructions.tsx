import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { MAX_INSTRUCTIONS } from "~/lib/booking"
import { DraftTooLargeError, loadStep, saveStep } from "~/lib/api/booking.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { BUSINESS_LOCALE } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Book ${data.service.title}: instructions` : "Book a service")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { service, draft, stepError, headers } = await loadStep(request, params.handle, "instructions")
  return json(
    {
      service: { title: service.title, handle: service.handle },
      instructions: draft.instructions ?? "",
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { draft } = await loadStep(request, params.handle, "instructions")
  const instructions = text(await request.formData(), "instructions")
  if (instructions.length > MAX_INSTRUCTIONS) {
    return json({ formError: `Please keep the instructions to ${MAX_INSTRUCTIONS.toLocaleString(BUSINESS_LOCALE)} characters.`, instructions }, { status: 400 })
  }
  try {
    return await saveStep(request, { ...draft, instructions }, "instructions")
  } catch (error) {
    if (error instanceof DraftTooLargeError) return json({ formError: error.message, instructions }, { status: 400 })
    throw error
  }
}

export default function Instructions() {
  const { service, instructions, answered, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const formError = result?.formError ?? stepError
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="instructions" answered={answered} error={formError}>
      <Form method="post" className="form" noValidate>
        <div className="field">
          <label htmlFor="instructions">Instructions for our team (optional)</label>
          <p className="field-hint" id="instructions-hint">
            For example how to get in, where to park, or anything we should look out for.
          </p>
          <textarea
            id="instructions"
            name="instructions"
            rows={5}
            maxLength={MAX_INSTRUCTIONS}
            defaultValue={result?.instructions ?? instructions}
            aria-describedby="instructions-hint"
            aria-invalid={result?.formError ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={submitting}>
          Continue
        </button>
      </Form>
    </BookingStepLayout>
  )
}
