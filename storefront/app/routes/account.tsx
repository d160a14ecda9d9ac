import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useLoaderData } from "@remix-run/react"

import { AdditionalContacts } from "~/components/account/additional-contacts"
import { BillingAddress } from "~/components/account/billing-address"
import { BusinessProfiles, type BusinessProfilesResult } from "~/components/account/business-profiles"
import { ChangePassword, type PasswordResult } from "~/components/account/change-password"
import { DependentSections } from "~/components/account/dependents"
import { MoreAboutYou } from "~/components/account/more-about-you"
import { InviteFriendsLink, PaymentsLink } from "~/components/account/payments-link"
import { SavedLocations } from "~/components/account/saved-locations"
import { StatementLink } from "~/components/account/statement-link"
import { ComplaintsLink } from "~/components/account/complaints-link"
import type { SectionResult } from "~/components/account/section"
import { YourData } from "~/components/account/your-data"
import { YourDetails, type ContactEntry } from "~/components/account/your-details"
import { FormStatus } from "~/components/field"
import { listLocations } from "~/lib/api/addresses.server"
import { describeError, errorStatus, toProblem } from "~/lib/api/api.server"
import { changePassword } from "~/lib/api/auth.server"
import { listBusinessProfiles } from "~/lib/api/business-profiles.server"
import { getDependents, type Dependents } from "~/lib/api/dependents.server"
import { hasErrors, newPasswordError, secret } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { getCustomer, getProfile } from "~/lib/api/profile.server"
import { commitSession, getSession, requireToken, signOutIfRefused } from "~/lib/session.server"
import type { StoreCustomerAddress as Address, ProfileContactMethod as ContactMethod, StoreCustomerProfile as Profile } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My account")

const KIND_LABELS = { personal: "Personal account", business: "Business account" } as const
const PHONE_KIND_LABELS: Record<string, string> = { mobile: "Mobile", phone: "Phone" }

function contactEntries(methods: ContactMethod[]): ContactEntry[] {
  return methods.map(({ id, kind, value }) => ({ id, value, type: PHONE_KIND_LABELS[kind] ?? null }))
}

/** The list, or why it can't be shown; a refused session still fails the whole page. */
function loadBusinessProfiles(token: string): Promise<BusinessProfilesResult> {
  return listBusinessProfiles(token).then(
    (profiles) => ({ profiles, error: null }),
    (error: unknown) => {
      const status = errorStatus(error)
      if (status === 401 || status === 403) throw error
      return { profiles: [], error: toProblem(error).message }
    }
  )
}

/**
 * A part of the page that may fail on its own: its data, or why it can't be shown. A refused
 * session still fails the whole page.
 */
function section<T>(load: Promise<T>, empty: T): Promise<SectionResult<T>> {
  return load.then(
    (data) => ({ data, error: null }),
    (error: unknown) => {
      const status = errorStatus(error)
      if (status === 401 || status === 403) throw error
      return { data: empty, error: toProblem(error).message }
    }
  )
}

/** The saved locations: from the profile, or from Medusa's address list when the profile doesn't carry them. */
function loadLocations(token: string, profile: Promise<Profile | null>): Promise<Address[]> {
  return profile.then((loaded) => (loaded?.locations ? loaded.locations : listLocations(token)))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  // "Business profile saved" and the like, shown once after the page that saved it.
  const session = await getSession(request)
  const notice = session.get("accountMessage") ?? null
  // Reading a flash value removes it; the cookie must be saved for that to stick.
  const headers = { "Set-Cookie": await commitSession(session) }
  try {
    // A customer without a portal profile yet still gets their account page.
    const profileRequest = getProfile(token).catch((error: unknown) => {
      if (errorStatus(error) === 404) return null
      throw error
    })
    const [customer, profile, businessProfiles, locations, dependents] = await Promise.all([
      getCustomer(token),
      profileRequest,
      loadBusinessProfiles(token),
      section<Address[]>(loadLocations(token, profileRequest), []),
      // null: the business doesn't offer dependents in the portal, so the section is hidden.
      section<Dependents | null>(getDependents(token), null),
    ])
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim()
    return json(
      {
        error: null as string | null,
        notice,
        account: {
          name: name || customer.email,
          email: customer.email,
          kind: profile ? (KIND_LABELS[profile.kind] ?? null) : null,
          otherNames: profile?.additional_names ?? [],
          // The account's own email and phone are the primary ones; the lists are the others.
          phone: (profile ? profile.account_phone : customer.phone) || null,
          otherEmails: contactEntries(profile?.emails ?? []),
          otherPhones: contactEntries(profile?.phones ?? []),
          pictureUrl: profile?.picture_url ?? null,
          customFields: profile?.custom_fields ?? [],
          contacts: profile?.additional_contacts ?? [],
          billing: profile ? { sameAsBooking: profile.billing_same_as_booking, address: profile.billing_address } : null,
        },
        businessProfiles,
        locations,
        dependents,
      },
      { headers }
    )
  } catch (error) {
    const status = errorStatus(error)
    if (status === 401 || status === 403) {
      await signOutIfRefused(request, toProblem(error))
    }
    console.error("Could not load account", error)
    return json({ error: describeError(error), notice, account: null, businessProfiles: null, locations: null, dependents: null }, { status: 503, headers })
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  const current = secret(form, "current_password")
  const next = secret(form, "new_password")
  const again = secret(form, "confirm_password")

  const fieldErrors = {
    current: current ? undefined : "Enter your current password.",
    next: newPasswordError(next),
    // A typo in a password nobody can see would lock the customer out.
    again: !newPasswordError(next) && again !== next ? "The two new passwords are different. Type the same password in both." : undefined,
  }
  if (hasErrors(fieldErrors)) {
    return json<PasswordResult>({ fieldErrors }, { status: 400 })
  }

  try {
    await changePassword(token, current, next)
    return json<PasswordResult>({ changedAt: Date.now() })
  } catch (error) {
    const problem = toProblem(error)
    if (problem.code === "wrong_password") {
      return json<PasswordResult>({ formError: problem.message, wrongPassword: true }, { status: 400 })
    }
    await signOutIfRefused(request, problem)
    return json<PasswordResult>({ formError: problem.message }, { status: problem.status })
  }
}

export default function Account() {
  const { account, error, notice, businessProfiles, locations, dependents } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>My account</h1>
      {notice ? (
        <FormStatus testId="account-notice">
          <p>{notice}</p>
        </FormStatus>
      ) : null}
      {!account ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : (
        <>
          <YourDetails account={account} />
          <MoreAboutYou fields={account.customFields} />
          {dependents ? <DependentSections {...dependents} /> : null}
          <AdditionalContacts contacts={account.contacts} />
          {account.billing ? <BillingAddress billing={account.billing} /> : null}
          {locations ? <SavedLocations {...locations} /> : null}
          {businessProfiles ? <BusinessProfiles {...businessProfiles} /> : null}
          <PaymentsLink />
          <InviteFriendsLink />
          <StatementLink />
          <ComplaintsLink />
          <YourData />
          <ChangePassword />
        </>
      )}
    </>
  )
}
