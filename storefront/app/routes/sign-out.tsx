import type { ActionFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"

import { destroySession, getSession } from "~/lib/session.server"

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  return redirect("/", {
    headers: { "Set-Cookie": await destroySession(session) },
  })
}

// Signing out only happens via POST; a plain visit just goes home.
export function loader() {
  return redirect("/")
}
