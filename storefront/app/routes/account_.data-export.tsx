import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { DownloadMyDataForm, PREPARING_MESSAGE } from "~/components/download-my-data"
import { FormAlert, FormStatus } from "~/components/field"
import { errorStatus, toProblem } from "~/lib/api/api.server"
import { getMyDataExport, listMyDataExports, requestMyData } from "~/lib/api/data-export.server"
import { pageTitle } from "~/lib/meta"
import { redirectToAccount, requireToken, signOutIfRefused } from "~/lib/session.server"
import type { StoreDataExport as DataExport } from "@fieldservice/contract"
import { OfficeContact } from "~/components/office-contact"
import { BUSINESS_LOCALE } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your data")

const STATUS_TEXT: Record<DataExport["status"], string> = {
  pending: "Being prepared",
  ready: "Ready: use the link in your email",
  failed: "Could not be made",
  expired: "Expired and deleted",
}

/** Dates as the customer reads them, in the business's time zone (worked out here, not in the browser). */
function day(value: string | null): string | null {
  if (!value) return null
  return new Date(value).toLocaleDateString(BUSINESS_LOCALE, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: process.env.PORTAL_TIME_ZONE || process.env.BUSINESS_TIME_ZONE || "Europe/London",
  })
}

type EmailedLink = { id: string; token: string; unavailable: boolean }

/** What the emailed link's file is: ready to download, already downloaded, expired, or not theirs. */
function linkState(found: DataExport | null, link: EmailedLink) {
  if (!found || link.unavailable) return "unavailable" as const
  if (found.status === "pending") return "pending" as const
  if (found.status !== "ready") return "unavailable" as const
  if (found.downloaded_at) return "downloaded" as const
  if (found.expires_at && new Date(found.expires_at).getTime() <= Date.now()) return "unavailable" as const
  return "ready" as const
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const params = new URL(request.url).searchParams
  const id = params.get("export")
  const link: EmailedLink | null = id ? { id, token: params.get("token") ?? "", unavailable: params.get("unavailable") === "1" } : null
  try {
    const requests = await listMyDataExports(token)
    let found: DataExport | null = null
    if (link) {
      found = await getMyDataExport(token, link.id).catch((error: unknown) => {
        if (errorStatus(error) === 404) return null
        throw error
      })
    }
    return json({
      error: null as string | null,
      link: link
        ? {
            id: link.id,
            token: link.token,
            state: linkState(found, link),
            expires: day(found?.expires_at ?? null),
            downloaded: day(found?.downloaded_at ?? null),
          }
        : null,
      requests: requests.map((item) => ({ id: item.id, status: STATUS_TEXT[item.status] ?? item.status, requested: day(item.requested_at) })),
    })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, link: null, requests: [] }, { status: problem.status })
  }
}

/** "Download my data" (from My account or this page): the file is made in the background and emailed. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  try {
    await requestMyData(token)
    return redirectToAccount(request, PREPARING_MESSAGE)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ formError: problem.message }, { status: problem.status })
  }
}

export default function YourData() {
  const { error, link, requests } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow">
      <h1>Your data</h1>
      <FormAlert message={result && "formError" in result ? result.formError : error} />
      {link?.state === "ready" ? (
        <FormStatus testId="data-export-ready">
          <p>Your file is ready. The link works once, while you are signed in, until {link.expires}.</p>
          <p>
            {/* A plain link: the download works without JavaScript. */}
            <a
              className="button"
              href={`/account/data-export/download?export=${encodeURIComponent(link.id)}&token=${encodeURIComponent(link.token)}`}
              data-testid="data-export-download"
            >
              Download my data (ZIP)
            </a>
          </p>
        </FormStatus>
      ) : link?.state === "pending" ? (
        <FormStatus testId="data-export-pending">
          <p>{PREPARING_MESSAGE}</p>
        </FormStatus>
      ) : link ? (
        <p role="alert" className="alert" data-testid="data-export-unavailable">
          {link.state === "downloaded"
            ? `You downloaded this file on ${link.downloaded}. Each link works once: ask for a new copy below.`
            : "This download link doesn't work any more. A link works once, for 7 days, for the account that asked for it. Ask for a new copy below."}
        </p>
      ) : null}
      <p>
        You can have a copy of the personal data we hold about you at any time: your profile, contacts, addresses, business profiles, pets and other details,
        bookings with their photos and documents, saved cards (never the card numbers), the emails we sent you and your account&rsquo;s history. It comes as a
        ZIP file of JSON files that other services can read.
      </p>
      <DownloadMyDataForm submitting={submitting} />
      {requests.length > 0 ? (
        <>
          <h2>Your requests</h2>
          <ul className="plain-list" data-testid="data-export-requests">
            {requests.map((item) => (
              <li key={item.id}>
                {item.requested}: {item.status}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        To have your data erased, please <OfficeContact />: we will confirm it is you and erase it within a month. <Link to="/account">Back to My account</Link>
      </p>
    </section>
  )
}
