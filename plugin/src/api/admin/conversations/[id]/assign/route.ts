import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminConversationResponse } from "@fieldservice/contract"
import { assignConversationWorkflow } from "../../../../../workflows/conversations/conversation-writes"
import { adminConversationResponse } from "../../../../utils/conversations"
import type { AdminAssignConversationType } from "../../validators"

/** Gives the conversation to a staff member ({ user_id }), or back to nobody ({ user_id: null }); answers with the conversation. */
export async function POST(req: AuthenticatedMedusaRequest<AdminAssignConversationType>, res: MedusaResponse<AdminConversationResponse>) {
  const { user_id } = req.validatedBody
  if (user_id) {
    const [user] = await req.scope.resolve(Modules.USER).listUsers({ id: user_id }, { take: 1, select: ["id"] })
    if (!user) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no staff member ${user_id}: choose someone from the list`)
  }
  await assignConversationWorkflow(req.scope).run({ input: { conversation_id: req.params.id, user_id } })
  res.json(await adminConversationResponse(req.scope, req.params.id))
}
