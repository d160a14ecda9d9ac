import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountItemNotFound, AccountPageError, BackToAccount, ConfirmDelete, DangerZone, DeleteForm } from "~/components/account-page"
import { LocationForm } from "~/components/location-form"
import { deleteAfterConfirming, findForPage } from "~/lib/api/account-items.server"

import { deleteLocation, findLocation, updateLocation } from "~/lib/api/addresses.server"
import { ApiError } from "~/lib/api/api.server"
import { locationValuesFrom } from "~/lib/locations"
import { saveLocation, type LocationActionData } from "~/lib/api/locations.server"
import { pageTitle } from "~/lib/meta"
import { readEditAction, requireToken } from "~/lib/session.server"
import { formatAddress, type StoreCustomerAddress as Address } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.location ? "Edit location" : "Location not found")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const { item, error, status } = await findForPage(request, () => findLocation(token, params.id ?? ""))
  return json({ location: item as Address | null, error }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, id, form } = await readEditAction(request, params)

  if (form.get("intent") === "delete") {
    return deleteAfterConfirming<LocationActionData>(
      request,
      form,
      async () => {
        // Only a saved location: the billing address has its own page.
        if (!(await findLocation(token, id))) throw new ApiError(404, {})
        await deleteLocation(token, id)
      },
      "Location deleted"
    )
  }

  return saveLocation(request, form, async (input) => {
    if (!(await findLocation(token, id))) throw new ApiError(404, {})
    await updateLocation(token, id, input)
  })
}

export default function EditLocation() {
  const { location, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) return <AccountPageError title="Edit location" error={error} />
  if (!location || result?.notFound) {
    return (
      <AccountItemNotFound testId="location-not-found" title="Location not found">
        We couldn&rsquo;t find that location. It may have been deleted, or the link may be wrong.
      </AccountItemNotFound>
    )
  }

  if (result?.confirmDelete) {
    return (
      <ConfirmDelete testId="location-delete-confirm" title="Delete this location?" deleteLabel="Delete this location" submitting={submitting}>
        <div className="notice-box">
          <p>
            <strong>{location.address_name || "Location"}</strong>
          </p>
          <p>{formatAddress(location)}</p>
        </div>
        <p>You won&rsquo;t be able to choose it when you book any more. This can&rsquo;t be undone.</p>
      </ConfirmDelete>
    )
  }

  return (
    <section className="narrow">
      <h1>Edit location</h1>
      <LocationForm
        values={result?.values ?? locationValuesFrom(location)}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        submitting={submitting}
      />
      <DangerZone
        headingId="delete-location-heading"
        heading="Delete"
        text={<>Remove {location.address_name || "this location"} from your saved locations.</>}
        error={result?.deleteError}
      >
        <DeleteForm label="Delete this location" submitting={submitting} />
      </DangerZone>
      <BackToAccount />
    </section>
  )
}
