import { Button, Label, Prompt, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { AdminBooking } from "@fieldservice/contract"

/**
 * Who hears of the cancellation, as the booking-changed subscriber tells them: the booking's email
 * always, and the portal's notifications when the booking belongs to a customer account.
 */
function cancelNotice(booking: Pick<AdminBooking, "customer">): string {
  const who = booking.customer?.name ?? "The customer"
  const told = booking.customer ? `${who} is emailed and told in their portal notifications` : "The customer is emailed"
  return `The arrival window is given back so others can book it. ${told}. This can’t be undone.`
}

/** "Cancel this booking?" with an optional reason, which the customer sees in the email and their notifications. */
export function CancelPrompt({
  open,
  booking,
  isPending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean
  booking: AdminBooking
  isPending: boolean
  error: string | null
  onCancel: () => void
  onConfirm: (reason: string | null) => void
}) {
  const [reason, setReason] = useState("")
  return (
    <Prompt variant="danger" open={open} onOpenChange={(next) => !next && onCancel()}>
      <Prompt.Content data-testid="booking-cancel-prompt">
        <Prompt.Header>
          <Prompt.Title>Cancel booking {booking.booking_number}?</Prompt.Title>
          <Prompt.Description>{cancelNotice(booking)}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4">
          <Label htmlFor="booking-cancel-reason" size="small" weight="plus">
            Reason (shown to the customer, optional)
          </Label>
          <Textarea
            id="booking-cancel-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="booking-cancel-reason"
          />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="booking-cancel-error">
              {error}
            </Text>
          )}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel data-testid="booking-cancel-keep">Keep booking</Prompt.Cancel>
          <Button size="small" variant="danger" isLoading={isPending} onClick={() => onConfirm(reason.trim() || null)} data-testid="booking-cancel-confirm">
            Cancel booking
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
