import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountPageError, BackToAccount, DangerZone } from "~/components/account-page"
import { Field, FormAlert } from "~/components/field"
import { Avatar } from "~/components/avatar"
import { toProblem } from "~/lib/api/api.server"
import { pageTitle } from "~/lib/meta"
import { PICTURE_ACCEPT, PICTURE_HINT } from "~/lib/pictures"
import { getCustomer, getProfile, removeProfilePicture, uploadProfilePicture } from "~/lib/api/profile.server"
import { redirectToAccount, requireToken, signOutIfRefused } from "~/lib/session.server"
import { pictureProblem, readForm, TOO_LARGE_MESSAGE, uploadedFile } from "~/lib/uploads.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Profile picture")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const [customer, profile] = await Promise.all([getCustomer(token), getProfile(token)])
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim() || customer.email
    return json({ name, pictureUrl: profile.picture_url, error: null as string | null })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ name: "", pictureUrl: null as string | null, error: problem.message }, { status: problem.status === 404 ? 503 : problem.status })
  }
}

type PictureActionData = { formError?: string; removeError?: string }

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const read = await readForm(request)
  if (read.tooLarge) return json<PictureActionData>({ formError: TOO_LARGE_MESSAGE }, { status: 413 })
  const { form } = read

  if (form.get("intent") === "remove") {
    try {
      await removeProfilePicture(token)
    } catch (error) {
      const problem = toProblem(error)
      await signOutIfRefused(request, problem)
      return json<PictureActionData>({ removeError: problem.message }, { status: problem.status })
    }
    return redirectToAccount(request, "Your profile picture was removed")
  }

  const file = uploadedFile(form, "file")
  if (!file) return json<PictureActionData>({ formError: "Choose a picture to upload." }, { status: 400 })
  const problem = pictureProblem(file)
  if (problem) return json<PictureActionData>({ formError: problem }, { status: 400 })
  try {
    await uploadProfilePicture(token, file, file.name)
  } catch (error) {
    const refused = toProblem(error)
    await signOutIfRefused(request, refused)
    return json<PictureActionData>({ formError: refused.message }, { status: refused.status })
  }
  return redirectToAccount(request, "Your profile picture was saved")
}

export default function ProfilePicture() {
  const { name, pictureUrl, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) return <AccountPageError title="Profile picture" error={error} />

  return (
    <section className="narrow">
      <h1>Profile picture</h1>
      <p>Our team sees it next to your bookings, so they know who to look out for.</p>
      <div className="picture-preview">
        <Avatar name={name} pictureUrl={pictureUrl} size="large" />
      </div>
      <FormAlert message={result?.formError} />
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <input type="hidden" name="intent" value="upload" />
        <Field
          name="file"
          label={pictureUrl ? "Choose a new picture" : "Choose a picture"}
          type="file"
          accept={PICTURE_ACCEPT}
          required
          hint={PICTURE_HINT}
          aria-invalid={result?.formError ? true : undefined}
        />
        <button type="submit" className="button" disabled={submitting}>
          {pictureUrl ? "Replace picture" : "Upload picture"}
        </button>
      </Form>
      {pictureUrl ? (
        <DangerZone headingId="remove-picture-heading" heading="Remove" text="Show your initials instead of a picture." error={result?.removeError}>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="button button--danger" disabled={submitting}>
              Remove picture
            </button>
          </Form>
        </DangerZone>
      ) : null}
      <BackToAccount />
    </section>
  )
}
