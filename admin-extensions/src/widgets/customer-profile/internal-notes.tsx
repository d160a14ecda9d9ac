import { Button, Label, Text, Textarea } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { MAX_NOTES_LENGTH } from "../../lib/profile"
import { useLeaveWarning } from "../../lib/unsaved-changes"
import { InlineError, ProfileSection } from "./section"
import { useUpdateProfile } from "./use-update-profile"

/** Staff-only notes about the customer. Keyed by the saved notes in the widget, so a save resets the draft. */
export function InternalNotes({ customerId, value }: { customerId: string; value: string | null }) {
  const update = useUpdateProfile(customerId, (body) => (body.internal_notes === null ? "Internal notes cleared" : "Internal notes saved"))
  const saved = value ?? ""
  const [text, setText] = useState(saved)
  const changed = text !== saved
  // Notes are saved with Save, so leaving with a draft asks first.
  useLeaveWarning(changed)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!changed) return
    // Back to what was saved, in case the API tidied it (blank notes are cleared).
    update.mutate({ internal_notes: text.trim() ? text : null }, { onSuccess: ({ profile }) => setText(profile.internal_notes ?? "") })
  }

  return (
    <ProfileSection title="Internal notes">
      <form onSubmit={submit} className="flex flex-col gap-y-2">
        <Label htmlFor="customer-profile-notes" className="sr-only">
          Internal notes
        </Label>
        <Textarea
          id="customer-profile-notes"
          rows={4}
          maxLength={MAX_NOTES_LENGTH}
          placeholder="Access codes, preferences, anything the team should know…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="customer-profile-notes-hint"
          data-testid="customer-profile-notes"
        />
        <div className="flex items-center justify-between gap-x-4">
          <Text id="customer-profile-notes-hint" size="small" leading="compact" className="text-ui-fg-subtle">
            Staff only. Never shown to the customer.
          </Text>
          <Button size="small" variant="secondary" type="submit" disabled={!changed} isLoading={update.isPending} data-testid="customer-profile-notes-save">
            Save
          </Button>
        </div>
        <InlineError message={update.error?.message} testId="customer-profile-notes-error" />
      </form>
    </ProfileSection>
  )
}
