import type { AdminConversationSummary } from "@fieldservice/contract"
import { Button, Label, Select, toast } from "@medusajs/ui"
import { useAssignConversation, useStaff } from "../../../lib/conversations"

const NOBODY = "unassigned"

/** Who looks after the conversation: "Assign to me", or any staff member from Medusa's users; or nobody. */
export function AssignConversation({ conversation }: { conversation: AdminConversationSummary }) {
  const { staff, me } = useStaff()
  const assign = useAssignConversation(conversation.id)
  const current = conversation.assigned_to?.id ?? NOBODY
  const choose = (value: string) => {
    const userId = value === NOBODY ? null : value
    assign.mutate(userId, {
      onSuccess: (response) =>
        toast.success(response.conversation.assigned_to ? `Assigned to ${response.conversation.assigned_to.name}` : "Unassigned", {
          description: response.conversation.title,
        }),
      onError: (failure: Error) => toast.error("The conversation was not assigned", { description: failure.message }),
    })
  }
  // The current assignee stays in the list even if their user is gone.
  const options = conversation.assigned_to && !staff.some((user) => user.id === current) ? [...staff, { ...conversation.assigned_to, email: "" }] : staff
  return (
    <div className="flex flex-col gap-y-2" data-testid="inbox-assign">
      <Label size="xsmall" weight="plus" htmlFor="inbox-assign-select">
        Assigned to
      </Label>
      <Select size="small" value={current} onValueChange={choose} disabled={assign.isPending}>
        <Select.Trigger id="inbox-assign-select" aria-label="Assigned to" data-testid="inbox-assign-select">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={NOBODY}>Nobody</Select.Item>
          {options.map((user) => (
            <Select.Item key={user.id} value={user.id}>
              {user.name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {me && me.id !== current && (
        <Button size="small" variant="secondary" onClick={() => choose(me.id)} isLoading={assign.isPending} data-testid="inbox-assign-me">
          Assign to me
        </Button>
      )}
    </div>
  )
}
