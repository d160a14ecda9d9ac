import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node"
import { useActionData, useNavigation } from "@remix-run/react"

import { BackToAccount } from "~/components/account-page"
import { LocationForm } from "~/components/location-form"
import { createLocation } from "~/lib/api/addresses.server"
import { EMPTY_LOCATION } from "~/lib/locations"
import { saveLocation } from "~/lib/api/locations.server"
import { pageTitle } from "~/lib/meta"
import { requireToken, signedInOnly } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Add a location")

export const loader = signedInOnly

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  return saveLocation(request, form, (input) => createLocation(token, input))
}

export default function NewLocation() {
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow">
      <h1>Add a location</h1>
      <p>A place where we work for you. Choose it when you book instead of typing the address again.</p>
      <LocationForm values={result?.values ?? EMPTY_LOCATION} formError={result?.formError} fieldErrors={result?.fieldErrors} submitting={submitting} />
      <BackToAccount />
    </section>
  )
}
