import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MESSAGE_MAX_FILES, MESSAGE_MAX_LENGTH } from "@fieldservice/contract"
import { Button, Label, Switch, Text, Textarea, clx, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useSendMessage } from "../../../lib/conversations"

const ACCEPT = [...ATTACHMENT_TYPES, ".heic", ".heif"].join(",")

/** What is wrong before sending, or null; the API checks each file's content too. */
function problemOf(body: string, files: File[]): string | null {
  if (!body.trim()) return "Write a message first."
  if (body.length > MESSAGE_MAX_LENGTH) return `Keep it to ${MESSAGE_MAX_LENGTH} characters.`
  if (files.length > MESSAGE_MAX_FILES) return `Attach up to ${MESSAGE_MAX_FILES} files.`
  if (files.some((file) => file.size > MAX_ATTACHMENT_BYTES)) return "Each file must be 10 MB or smaller."
  return null
}

/** The reply to the customer, or with "Internal note" on, a note only staff see; photos and PDFs attach. */
export function ReplyBox({ conversationId }: { conversationId: string }) {
  const send = useSendMessage(conversationId)
  const [body, setBody] = useState("")
  const [internal, setInternal] = useState(false)
  const [files, setFiles] = useState<File[]>([])
  const fileInput = useRef<HTMLInputElement>(null)

  const submit = () => {
    const problem = problemOf(body, files)
    if (problem) {
      toast.error(internal ? "The note was not saved" : "The reply was not sent", { description: problem })
      return
    }
    send.mutate(
      { body: body.trim(), internal, files },
      {
        onSuccess: () => {
          toast.success(internal ? "Internal note saved" : "Reply sent", {
            description: internal ? "Only staff see it." : "The customer sees it in the portal's Messages.",
          })
          setBody("")
          setFiles([])
          if (fileInput.current) fileInput.current.value = ""
        },
        onError: (failure: Error) => toast.error(internal ? "The note was not saved" : "The reply was not sent", { description: failure.message }),
      }
    )
  }

  return (
    <form
      className={clx("flex flex-col gap-y-3 px-6 py-4", internal && "bg-ui-tag-orange-bg")}
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      data-testid="inbox-reply"
    >
      <Label size="small" weight="plus" htmlFor="inbox-reply-body">
        {internal ? "Internal note (staff only)" : "Reply to the customer"}
      </Label>
      <Textarea
        id="inbox-reply-body"
        rows={4}
        maxLength={MESSAGE_MAX_LENGTH}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        placeholder={internal ? "A note for the team: the customer never sees it" : "Write your reply"}
        data-testid="inbox-reply-body"
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-4">
          <div className="flex items-center gap-x-2">
            <Switch id="inbox-reply-internal" checked={internal} onCheckedChange={setInternal} data-testid="inbox-reply-internal" />
            <Label size="small" htmlFor="inbox-reply-internal">
              Internal note
            </Label>
          </div>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={ACCEPT}
            aria-label="Attach photos or PDFs"
            className="txt-compact-small"
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
            data-testid="inbox-reply-files"
          />
        </div>
        <Button type="submit" size="small" isLoading={send.isPending} data-testid="inbox-reply-send">
          {internal ? "Save note" : "Send reply"}
        </Button>
      </div>
      {files.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {files.map((file) => file.name).join(", ")}
        </Text>
      )}
    </form>
  )
}
