import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminConversationResponse } from "@fieldservice/contract"
import { postConversationMessageWorkflow } from "../../../../../workflows/conversations/conversation-writes"
import { requestActor } from "../../../../utils/activity-actor"
import { adminConversationResponse } from "../../../../utils/conversations"
import type { MessageUploadRequest } from "../../../../utils/message-upload"
import type { AdminPostMessageType } from "../../validators"

/** A staff reply, or with `internal: true` a note only staff see (JSON, or multipart with up to five files); 201 with the conversation. */
export async function POST(req: AuthenticatedMedusaRequest<AdminPostMessageType>, res: MedusaResponse<AdminConversationResponse>) {
  const actor = await requestActor(req)
  await postConversationMessageWorkflow(req.scope).run({
    input: {
      target: { conversation_id: req.params.id, customer_id: null },
      author: { kind: req.validatedBody.internal ? "note" : "staff", id: req.auth_context.actor_id, name: actor.name || "Staff" },
      actor,
      body: req.validatedBody.body,
      files: (req as unknown as MessageUploadRequest).messageFiles ?? [],
    },
  })
  res.status(201).json(await adminConversationResponse(req.scope, req.params.id))
}
