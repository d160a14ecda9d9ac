import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountItemNotFound, AccountPageError, BackToAccount, ConfirmDelete, DangerZone, DeleteForm } from "~/components/account-page"
import { BusinessProfileForm } from "~/components/business-profile-form"
import { deleteAfterConfirming, findForPage } from "~/lib/api/account-items.server"
import { readBusinessProfileForm, toBusinessProfileInput, valuesFromProfile } from "~/lib/business-profiles"
import {
  deleteBusinessProfile,
  findBusinessProfile,
  saveFailed,
  updateBusinessProfile,
  type BusinessProfileActionData,
} from "~/lib/api/business-profiles.server"
import { pageTitle } from "~/lib/meta"
import { readEditAction, redirectToAccount, requireToken } from "~/lib/session.server"
import { formatAddress, type StoreBusinessProfile as BusinessProfile } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.profile ? "Edit business profile" : "Business profile not found")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const { item, error, status } = await findForPage(request, () => findBusinessProfile(token, params.id ?? ""))
  return json({ profile: item as BusinessProfile | null, error }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, id, form } = await readEditAction(request, params)

  if (form.get("intent") === "delete") {
    return deleteAfterConfirming<BusinessProfileActionData>(request, form, () => deleteBusinessProfile(token, id), "Business profile deleted")
  }

  const values = readBusinessProfileForm(form)
  try {
    await updateBusinessProfile(token, id, toBusinessProfileInput(values))
  } catch (error) {
    return saveFailed(request, error, values)
  }
  return redirectToAccount(request, "Business profile saved")
}

export default function EditBusinessProfile() {
  const { profile, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) return <AccountPageError title="Edit business profile" error={error} />
  if (!profile || result?.notFound) {
    return (
      <AccountItemNotFound testId="business-profile-not-found" title="Business profile not found">
        We couldn&rsquo;t find that business profile. It may have been deleted, or the link may be wrong.
      </AccountItemNotFound>
    )
  }

  if (result?.confirmDelete) {
    return (
      <ConfirmDelete
        testId="business-profile-delete-confirm"
        title="Delete this business profile?"
        deleteLabel="Delete this business profile"
        submitting={submitting}
      >
        <div className="notice-box">
          <p>
            <strong>{profile.name}</strong>
          </p>
          <p>{formatAddress(profile)}</p>
        </div>
        <p>You won&rsquo;t be able to choose it when you book any more. This can&rsquo;t be undone.</p>
      </ConfirmDelete>
    )
  }

  return (
    <section className="narrow">
      <h1>Edit business profile</h1>
      <BusinessProfileForm
        values={result?.values ?? valuesFromProfile(profile)}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        submitting={submitting}
      />
      <DangerZone
        headingId="delete-business-profile-heading"
        heading="Delete"
        text={<>Remove {profile.name} from your account. You won&rsquo;t be able to choose it when you book any more.</>}
        error={result?.deleteError}
      >
        <DeleteForm label="Delete this business profile" submitting={submitting} />
      </DangerZone>
      <BackToAccount />
    </section>
  )
}
