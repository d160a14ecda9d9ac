import { DocumentText, Plus, Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { type ChangeEvent, useRef } from "react"
import { adminFetch, formatFileSize, isImage } from "../../../../lib/bookings"
import { uploadFile } from "../../../../lib/profile"
import { useBookingSaved } from "./use-booking-saved"
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AdminBooking,
  type AdminBookingAttachment,
  type AdminBookingAttachmentDeleteResponse,
  type AdminBookingResponse,
} from "@fieldservice/contract"

/** A reason to refuse a file before uploading it, or null; the API checks the content too (a HEIC photo may come without a type). */
function attachmentProblem(file: File): string | null {
  if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return "it is not a photo (JPEG, PNG, WebP or HEIC) or a PDF"
  if (file.size > MAX_ATTACHMENT_BYTES) return "it is larger than 10 MB"
  return null
}

export function Attachments({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const prompt = usePrompt()
  const saved = useBookingSaved()
  const input = useRef<HTMLInputElement>(null)
  // Files are kept on any booking that was not cancelled, as in the portal.
  const canChange = booking.status !== "cancelled"

  const add = useMutation({
    // One request a file, in turn: each is checked (and refused) on its own.
    mutationFn: async (files: File[]) => {
      const added: string[] = []
      for (const file of files) {
        const problem = attachmentProblem(file)
        if (problem) {
          toast.error(`“${file.name}” wasn't added: ${problem}.`)
          continue
        }
        try {
          await saved(await uploadFile<AdminBookingResponse>(`/admin/bookings/${booking.id}/attachments`, file))
          added.push(file.name)
        } catch (caught) {
          toast.error(`“${file.name}” wasn't added: ${caught instanceof Error ? caught.message : "the upload failed"}`)
        }
      }
      if (added.length) toast.success(added.length === 1 ? `“${added[0]}” added` : `${added.length} files added`)
    },
  })

  const remove = useMutation({
    mutationFn: (attachment: AdminBookingAttachment) =>
      adminFetch<AdminBookingAttachmentDeleteResponse>(`/admin/bookings/${booking.id}/attachments/${attachment.id}`, { method: "DELETE" }),
    onSuccess: async (response, attachment) => {
      toast.success(`“${attachment.filename}” removed`)
      await saved({ booking: response.parent, time_zone: timeZone })
    },
    onError: (error) => toast.error(error.message || "The file could not be removed."),
  })

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    // Cleared, so choosing the same file again (after a refusal) is a change too.
    event.target.value = ""
    if (files.length) add.mutate(files)
  }

  const confirmRemove = async (attachment: AdminBookingAttachment) => {
    const confirmed = await prompt({
      variant: "danger",
      title: "Remove file?",
      description: `“${attachment.filename}” will be removed from booking ${booking.booking_number}, for the customer too.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(attachment)
  }

  return (
    <Container className="divide-y p-0" data-testid="booking-attachments">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2">Attachments</Heading>
        <div className="flex items-center gap-x-3">
          <Text size="small" className="text-ui-fg-subtle">
            {booking.attachments.length === 1 ? "1 file" : `${booking.attachments.length} files`}
          </Text>
          {canChange && (
            <>
              <input
                ref={input}
                type="file"
                multiple
                accept={ATTACHMENT_TYPES.join(",")}
                className="sr-only"
                tabIndex={-1}
                aria-hidden
                onChange={choose}
                data-testid="booking-attachments-input"
              />
              <Button size="small" variant="secondary" onClick={() => input.current?.click()} isLoading={add.isPending} data-testid="booking-attachments-add">
                <Plus />
                Add files
              </Button>
            </>
          )}
        </div>
      </div>
      {booking.attachments.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="booking-attachments-empty">
          {canChange ? "No photos or documents yet. Add photos or PDFs here; the customer can add them in the portal too." : "No photos or documents."}
        </Text>
      ) : (
        <ul className="grid grid-cols-2 gap-3 px-6 py-4 sm:grid-cols-3 lg:grid-cols-4">
          {booking.attachments.map((attachment) => (
            <li key={attachment.id} className="relative" data-testid="booking-attachment" data-attachment-id={attachment.id}>
              <a
                href={attachment.url}
                target="_blank"
                rel="noreferrer"
                className="border-ui-border-base hover:border-ui-border-interactive flex flex-col overflow-hidden rounded-lg border"
                data-testid="booking-attachment-link"
              >
                {isImage(attachment) ? (
                  <img src={attachment.url} alt={attachment.filename} className="bg-ui-bg-subtle aspect-square w-full object-cover" loading="lazy" />
                ) : (
                  <div className="bg-ui-bg-subtle text-ui-fg-muted flex aspect-square w-full items-center justify-center">
                    <DocumentText />
                  </div>
                )}
                <div className="flex flex-col px-2 py-1.5">
                  <span className="txt-compact-small truncate" title={attachment.filename} data-testid="booking-attachment-name">
                    {attachment.filename}
                  </span>
                  <span className="txt-compact-xsmall text-ui-fg-subtle" data-testid="booking-attachment-added-by">
                    {formatFileSize(attachment.size_bytes)} · {attachment.added_by === "staff" ? "staff" : "customer"}
                  </span>
                </div>
              </a>
              {canChange && (
                <IconButton
                  size="2xsmall"
                  variant="primary"
                  className="absolute right-1.5 top-1.5"
                  aria-label={`Remove ${attachment.filename}`}
                  onClick={() => confirmRemove(attachment)}
                  disabled={remove.isPending}
                  data-testid="booking-attachment-remove"
                >
                  <Trash />
                </IconButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
