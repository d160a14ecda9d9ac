import type { LoaderFunctionArgs } from "@remix-run/node"

import { passFileOn } from "~/lib/api/api.server"
import { downloadMessageFile } from "~/lib/api/conversations.server"
import { requireToken } from "~/lib/session.server"

/** A photo or PDF on a message, passed through from the API: someone else's or a deleted message's is the same 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const file = await downloadMessageFile(token, params.id ?? "", params.messageId ?? "", params.attachmentId ?? "").catch(() => null)
  return passFileOn(file)
}
