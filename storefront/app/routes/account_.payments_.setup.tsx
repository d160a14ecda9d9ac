import type { ActionFunctionArgs } from "@remix-run/node"
import { json } from "@remix-run/node"

import { toProblem } from "~/lib/api/api.server"
import { startAddingCard } from "~/lib/api/saved-cards.server"
import { getToken } from "~/lib/session.server"

/**
 * "Add a card" (the card form's script calls this): a Stripe SetupIntent for the signed-in
 * customer; only its client secret goes back, to Stripe.js. JSON only, no page.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ message: "Method not allowed" }, { status: 405 })
  const token = await getToken(request)
  if (!token) return json({ message: "Please sign in again, then add your card." }, { status: 401 })
  try {
    const intent = await startAddingCard(token)
    return json({ client_secret: intent.client_secret })
  } catch (error) {
    const problem = toProblem(error)
    return json({ message: problem.message }, { status: problem.status })
  }
}
