import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react"

import { SignInProblem } from "~/components/sign-in-problem"
import { toProblem } from "~/lib/api/api.server"
import { isSocialProvider, SOCIAL_PROVIDER_NAMES, startSocialLogin } from "~/lib/api/auth.server"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession } from "~/lib/session.server"
import { socialCallbackUrl } from "~/lib/social"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in")

/** "Continue with Google/Facebook": ask the backend where to go, remember the state, and go. */
export async function action({ request, params }: ActionFunctionArgs) {
  const provider = params.provider
  if (!isSocialProvider(provider)) {
    throw new Response("Not found", { status: 404 })
  }
  const providerName = SOCIAL_PROVIDER_NAMES[provider]
  try {
    const location = await startSocialLogin(provider, socialCallbackUrl(request, provider))
    // The callback must come back to this browser with the same state (login CSRF).
    const state = new URL(location).searchParams.get("state") ?? ""
    const session = await getSession(request)
    session.set("oauthState", `${provider}:${state}`)
    return redirect(location, {
      headers: { "Set-Cookie": await commitSession(session) },
    })
  } catch (error) {
    const problem = toProblem(error)
    // 403: the portal is closed (the backend's message says so). Otherwise the provider is
    // probably not set up, and the backend's wording is not meant for customers.
    const message =
      problem.status === 403 || problem.status === 429 || problem.status === 503
        ? problem.message
        : `Signing in with ${providerName} isn't available right now. Please sign in with your email and password.`
    return json({ providerName, message }, { status: problem.status })
  }
}

/**
 * The sign-in page's buttons POST here. A plain visit shows the same button, so nothing
 * happens on GET (and after a failed POST, this loader runs again to show the problem).
 */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isSocialProvider(params.provider)) {
    throw new Response("Not found", { status: 404 })
  }
  return json({ provider: params.provider, providerName: SOCIAL_PROVIDER_NAMES[params.provider] })
}

export default function SocialStart() {
  const { provider, providerName } = useLoaderData<typeof loader>()
  const problem = useActionData<typeof action>()
  if (problem) {
    return <SignInProblem providerName={problem.providerName} message={problem.message} />
  }
  return (
    <section className="narrow">
      <h1>Sign in with {providerName}</h1>
      <Form method="post" action={`/auth/${provider}/start`} reloadDocument>
        <button type="submit" className="button">
          Continue with {providerName}
        </button>
      </Form>
      <p>
        <Link to="/sign-in">Other ways to sign in</Link>
      </p>
    </section>
  )
}
