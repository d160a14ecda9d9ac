import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node"
import { useActionData, useNavigation } from "@remix-run/react"

import { BackToAccount } from "~/components/account-page"
import { BusinessProfileForm } from "~/components/business-profile-form"
import { EMPTY_VALUES, readBusinessProfileForm, toBusinessProfileInput } from "~/lib/business-profiles"
import { createBusinessProfile, saveFailed } from "~/lib/api/business-profiles.server"
import { pageTitle } from "~/lib/meta"
import { redirectToAccount, requireToken, signedInOnly } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Add a business profile")

export const loader = signedInOnly

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const values = readBusinessProfileForm(await request.formData())
  try {
    await createBusinessProfile(token, toBusinessProfileInput(values))
  } catch (error) {
    return saveFailed(request, error, values)
  }
  return redirectToAccount(request, "Business profile saved")
}

export default function NewBusinessProfile() {
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow">
      <h1>Add a business profile</h1>
      <p>Add a company you book for. You choose it when you book, and its details are printed on your invoices.</p>
      <BusinessProfileForm values={result?.values ?? EMPTY_VALUES} formError={result?.formError} fieldErrors={result?.fieldErrors} submitting={submitting} />
      <BackToAccount />
    </section>
  )
}
