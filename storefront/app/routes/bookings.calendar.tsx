import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { FormAlert } from "~/components/field"
import { problemOf } from "~/lib/api/booking.server"
import { getCalendarLink, resetCalendarLink } from "~/lib/api/booking-series.server"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My visits in my calendar")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const path = await getCalendarLink(token).catch(async (error) => {
    const problem = await problemOf(request, error)
    throw new Response(problem.message, { status: problem.status >= 500 ? 503 : problem.status })
  })
  const url = new URL(path, new URL(request.url).origin)
  return json({ https: url.toString(), webcal: url.toString().replace(/^https?:/, "webcal:"), reset: new URL(request.url).searchParams.has("reset") })
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  try {
    await resetCalendarLink(token)
  } catch (error) {
    const problem = await problemOf(request, error)
    return json({ formError: problem.message }, { status: problem.status })
  }
  return redirect("/bookings/calendar?reset=1")
}

/** The customer's visits in their own calendar: a file to import once, or a private link their calendar app keeps up to date. */
export default function CalendarPage() {
  const { https, webcal, reset } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow" data-testid="calendar-page">
      <p className="muted">
        <Link to="/bookings">My bookings</Link>
      </p>
      <h1>My visits in my calendar</h1>
      {reset ? (
        <p role="status" className="notice" data-testid="calendar-reset-done">
          Your calendar link is new. The old one no longer shows your visits: subscribe again with this one.
        </p>
      ) : null}
      <FormAlert message={result?.formError} />
      <h2>Keep my calendar up to date</h2>
      <p>Subscribe to this private link in Google Calendar, Apple Calendar or Outlook. New, moved and cancelled visits show up there by themselves.</p>
      <p>
        <a className="button" href={webcal} data-testid="calendar-subscribe">
          Subscribe in my calendar app
        </a>
      </p>
      <div className="field">
        <label htmlFor="calendar-url">Or copy the link into your calendar app</label>
        <input id="calendar-url" type="url" readOnly value={https} data-testid="calendar-url" />
      </div>
      <p className="muted">Anyone with this link can see your visits. If you shared it by mistake, get a new one and the old one stops working.</p>
      <Form method="post">
        <button type="submit" className="button button--secondary" disabled={submitting} data-testid="calendar-reset">
          Get a new link
        </button>
      </Form>
      <h2>Add my visits once</h2>
      <p>
        <a href="/files/visits.ics" download="my-visits.ics">
          Download my visits (.ics file)
        </a>
      </p>
    </section>
  )
}
