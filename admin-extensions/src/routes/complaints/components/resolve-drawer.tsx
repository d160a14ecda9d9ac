import { MAX_COMPLAINT_NOTE } from "@fieldservice/contract"
import { Button, Drawer, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"

type Props = { open: boolean; onOpenChange: (open: boolean) => void; number: string; pending: boolean; onResolve: (note: string) => void }

/** "Resolve": the note saying what was done, which the customer reads in the portal and the email. */
export function ResolveDrawer({ open, onOpenChange, number, pending, onResolve }: Props) {
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | null>(null)
  const submit = () => {
    if (!note.trim()) return setError("Say how it was resolved: the customer reads this note.")
    setError(null)
    onResolve(note.trim())
  }
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="complaint-resolve-drawer">
        <Drawer.Header>
          <Drawer.Title>Resolve complaint {number}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-2">
          <Label htmlFor="complaint-resolution-note">Resolution note</Label>
          <Text size="small" className="text-ui-fg-subtle">
            What was done about it. The customer gets it by email and sees it on the complaint in the portal.
          </Text>
          <Textarea
            id="complaint-resolution-note"
            rows={6}
            maxLength={MAX_COMPLAINT_NOTE}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={error ? true : undefined}
            data-testid="complaint-resolution-note"
          />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" isLoading={pending} onClick={submit} data-testid="complaint-resolve-save">
            Resolve
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
