import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { useLoaderData } from "@remix-run/react"

import { SignInProblem } from "~/components/sign-in-problem"
import { toProblem } from "~/lib/api/api.server"
import { completeSocialLogin, isSocialProvider, SOCIAL_PROVIDER_NAMES } from "~/lib/api/auth.server"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in")

// The address holds a one-time code: don't pass it on to other sites.
export const headers = () => ({ "Referrer-Policy": "same-origin" })

const STALE = "This sign-in attempt has expired or was started in another browser. Please go back and try again."

/** Google or Facebook sent the browser back here with ?code&state (or ?error). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = params.provider
  if (!isSocialProvider(provider)) {
    throw new Response("Not found", { status: 404 })
  }
  const providerName = SOCIAL_PROVIDER_NAMES[provider]
  const query = new URL(request.url).searchParams
  const session = await getSession(request)
  const expected = session.get("oauthState")
  session.unset("oauthState")

  const fail = async (message: string, status: number) => json({ providerName, message }, { status, headers: { "Set-Cookie": await commitSession(session) } })

  if (query.has("error") && !query.has("code")) {
    // Declined or cancelled at the provider. Their wording is not shown: it comes from the address.
    const cancelled = query.get("error") === "access_denied"
    return fail(
      cancelled
        ? `You cancelled signing in with ${providerName}, so you're not signed in.`
        : `${providerName} couldn't sign you in. Please try again, or sign in with your email and password.`,
      401
    )
  }

  // Only finish a sign-in this browser started: stops someone planting their own account on you.
  if (!query.get("code") || !expected || expected !== `${provider}:${query.get("state") ?? ""}`) {
    return fail(STALE, 400)
  }

  try {
    const token = await completeSocialLogin(provider, query)
    session.set("token", token)
    return redirect("/account", {
      headers: { "Set-Cookie": await commitSession(session) },
    })
  } catch (error) {
    const problem = toProblem(error)
    return fail(problem.message, problem.status)
  }
}

export default function SocialCallback() {
  const { providerName, message } = useLoaderData<typeof loader>()
  return <SignInProblem providerName={providerName} message={message} />
}
