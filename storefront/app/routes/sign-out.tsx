import type { ActionFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"

import { destroySession, getSession } from "~/lib/session.server"

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  // Home says so, so a shared or borrowed phone's owner knows the account is closed.
  return redirect("/?signed_out=1", {
    headers: { "Set-Cookie": await destroySession(session) },
  })
}

// Signing out only happens via POST; a plain visit just goes home.
export function loader() {
  return redirect("/")
}
