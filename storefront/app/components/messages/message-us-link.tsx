import { Link } from "@remix-run/react"
import type { ConversationSubjectType } from "@fieldservice/contract"

import { messageUsPath } from "~/lib/messages"

/** "Message us about this booking": opens the conversation about it, or starts one. */
export function MessageUsLink({ about, id, what }: { about: ConversationSubjectType; id: string; what: string }) {
  return (
    <p className="message-us">
      <Link to={messageUsPath(about, id)} data-testid="message-us">
        Message us about this {what}
      </Link>
    </p>
  )
}
