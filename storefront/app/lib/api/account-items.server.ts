import { json } from "@remix-run/node"

import { toProblem } from "~/lib/api/api.server"
import { redirectToAccount, signOutIfRefused } from "~/lib/session.server"

/**
 * One of the customer's own records for an edit page (business profile, contact, location,
 * dependent): 404 when it isn't theirs; a failing backend is 503 with its message; a refused
 * session is signed out.
 */
export async function findForPage<T>(request: Request, find: () => Promise<T | null>): Promise<{ item: T | null; error: string | null; status: number }> {
  try {
    const item = await find()
    return { item, error: null, status: item ? 200 : 404 }
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return { item: null, error: problem.message, status: problem.status === 404 ? 503 : problem.status }
  }
}

/**
 * An edit page's remove button (the record, or a dependent's photo): back to My account with
 * `notice` when done; "not found" when it isn't the customer's; otherwise the API's message
 * under `errorKey` for the page to show.
 */
export async function changeAndReturnToAccount<D extends { notFound?: boolean; deleteError?: string; photoError?: string }>(
  request: Request,
  change: () => Promise<unknown>,
  notice: string,
  errorKey: "deleteError" | "photoError"
) {
  try {
    await change()
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 404) return json<D>({ notFound: true } as D, { status: 404 })
    await signOutIfRefused(request, problem)
    // D is the route's own action data, which has this key (see the constraint).
    return json<D>({ [errorKey]: problem.message } as unknown as D, { status: problem.status })
  }
  return redirectToAccount(request, notice)
}

/**
 * An edit page's delete intent: "Remove" on /account lands on the page first and asks
 * (`confirmDelete`); the page's own button, sent with confirm=yes, removes the record.
 */
export async function deleteAfterConfirming<D extends { confirmDelete?: boolean; notFound?: boolean; deleteError?: string }>(
  request: Request,
  form: FormData,
  remove: () => Promise<unknown>,
  notice: string
) {
  if (form.get("confirm") !== "yes") return json<D>({ confirmDelete: true } as D)
  return changeAndReturnToAccount<D>(request, remove, notice, "deleteError")
}
