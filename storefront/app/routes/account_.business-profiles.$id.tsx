import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { BusinessProfileForm } from "~/components/business-profile-form"
import { changeAndReturnToAccount, findForPage } from "~/lib/account-items.server"
import { readBusinessProfileForm, toBusinessProfileInput, valuesFromProfile } from "~/lib/business-profiles"
import { deleteBusinessProfile, findBusinessProfile, saveFailed, updateBusinessProfile, type BusinessProfileActionData } from "~/lib/business-profiles.server"
import { pageTitle } from "~/lib/meta"
import { redirectToAccount, requireToken } from "~/lib/session.server"
import { formatAddress, type StoreBusinessProfile as BusinessProfile } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.profile ? "Edit business profile" : "Business profile not found")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const { item, error, status } = await findForPage(request, () => findBusinessProfile(token, params.id ?? ""))
  return json({ profile: item as BusinessProfile | null, error }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const form = await request.formData()

  if (form.get("intent") === "delete") {
    // "Delete" on /account lands here first and asks; this page's own button is the confirmation.
    if (form.get("confirm") !== "yes") {
      return json<BusinessProfileActionData>({ confirmDelete: true })
    }
    return changeAndReturnToAccount<BusinessProfileActionData>(request, () => deleteBusinessProfile(token, id), "Business profile deleted", "deleteError")
  }

  const values = readBusinessProfileForm(form)
  try {
    await updateBusinessProfile(token, id, toBusinessProfileInput(values))
  } catch (error) {
    return saveFailed(request, error, values)
  }
  return redirectToAccount(request, "Business profile saved")
}

function NotFound() {
  return (
    <section className="notice" data-testid="business-profile-not-found">
      <h1>Business profile not found</h1>
      <p>We couldn&rsquo;t find that business profile. It may have been deleted, or the link may be wrong.</p>
      <p>
        <Link to="/account">Back to my account</Link>
      </p>
    </section>
  )
}

/** The one form that deletes: `intent=delete` with `confirm=yes`. */
function DeleteForm({ submitting }: { submitting: boolean }) {
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" className="button button--danger" disabled={submitting}>
        Delete this business profile
      </button>
    </Form>
  )
}

export default function EditBusinessProfile() {
  const { profile, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) {
    return (
      <section className="narrow">
        <h1>Edit business profile</h1>
        <p role="alert" className="alert">
          {error}
        </p>
        <p>
          <Link to="/account">Back to my account</Link>
        </p>
      </section>
    )
  }
  if (!profile || result?.notFound) return <NotFound />

  if (result?.confirmDelete) {
    return (
      <section className="narrow" data-testid="business-profile-delete-confirm">
        <h1>Delete this business profile?</h1>
        <div className="notice-box">
          <p>
            <strong>{profile.name}</strong>
          </p>
          <p>{formatAddress(profile)}</p>
        </div>
        <p>You won&rsquo;t be able to choose it when you book any more. This can&rsquo;t be undone.</p>
        <DeleteForm submitting={submitting} />
        <p>
          <Link to="/account">Cancel</Link>
        </p>
      </section>
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
      <section className="danger-zone" aria-labelledby="delete-business-profile-heading">
        <h2 id="delete-business-profile-heading">Delete</h2>
        <p>Remove {profile.name} from your account. You won&rsquo;t be able to choose it when you book any more.</p>
        {result?.deleteError ? (
          <p role="alert" className="alert">
            {result.deleteError}
          </p>
        ) : null}
        <DeleteForm submitting={submitting} />
      </section>
      <p>
        <Link to="/account">Back to my account</Link>
      </p>
    </section>
  )
}
