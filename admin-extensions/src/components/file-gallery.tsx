import { DocumentText, Plus, Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { type ChangeEvent, useRef } from "react"
import { formatFileSize, isImage } from "../lib/bookings"
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "@fieldservice/contract"

export type GalleryFile = { id: string; url: string; filename: string; mime_type: string; size_bytes: number; note?: string }

/** A reason to refuse a file before uploading it, or null; the API checks the content too (a HEIC photo may come without a type). */
function attachmentProblem(file: File): string | null {
  if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return "it is not a photo (JPEG, PNG, WebP or HEIC) or a PDF"
  if (file.size > MAX_ATTACHMENT_BYTES) return "it is larger than 10 MB"
  return null
}

type Props = {
  title: string
  files: GalleryFile[]
  /** Whether files may be added and removed now; otherwise the list only. */
  canChange: boolean
  empty: string
  /** Prefix of the test ids: "booking" gives "booking-attachments", "booking-attachment-remove"… */
  testId: string
  upload: (file: File) => Promise<unknown>
  remove: (file: GalleryFile) => Promise<unknown>
  /** What removing it does, for the confirmation prompt. */
  removeWarning: (file: GalleryFile) => string
}

/** Photos and documents as tiles that open in a new tab, with "Add files" and a confirmed remove while `canChange`. */
export function FileGallery({ title, files, canChange, empty, testId, upload, remove, removeWarning }: Props) {
  const prompt = usePrompt()
  const input = useRef<HTMLInputElement>(null)

  const add = useMutation({
    // One request a file, in turn: each is checked (and refused) on its own.
    mutationFn: async (chosen: File[]) => {
      const added: string[] = []
      for (const file of chosen) {
        const problem = attachmentProblem(file)
        if (problem) {
          toast.error(`“${file.name}” wasn't added: ${problem}.`)
          continue
        }
        try {
          await upload(file)
          added.push(file.name)
        } catch (caught) {
          toast.error(`“${file.name}” wasn't added: ${caught instanceof Error ? caught.message : "the upload failed"}`)
        }
      }
      if (added.length) toast.success(added.length === 1 ? `“${added[0]}” added` : `${added.length} files added`)
    },
  })

  const removal = useMutation({
    mutationFn: remove,
    onSuccess: (_, file) => toast.success(`“${file.filename}” removed`),
    onError: (error) => toast.error(error.message || "The file could not be removed."),
  })

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])]
    // Cleared, so choosing the same file again (after a refusal) is a change too.
    event.target.value = ""
    if (chosen.length) add.mutate(chosen)
  }

  const confirmRemove = async (file: GalleryFile) => {
    const confirmed = await prompt({ variant: "danger", title: "Remove file?", description: removeWarning(file), confirmText: "Remove", cancelText: "Cancel" })
    if (confirmed) removal.mutate(file)
  }

  return (
    <Container className="divide-y p-0" data-testid={`${testId}-attachments`}>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <div className="flex items-center gap-x-3">
          <Text size="small" className="text-ui-fg-subtle">
            {files.length === 1 ? "1 file" : `${files.length} files`}
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
                data-testid={`${testId}-attachments-input`}
              />
              <Button
                size="small"
                variant="secondary"
                onClick={() => input.current?.click()}
                isLoading={add.isPending}
                data-testid={`${testId}-attachments-add`}
              >
                <Plus />
                Add files
              </Button>
            </>
          )}
        </div>
      </div>
      {files.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid={`${testId}-attachments-empty`}>
          {empty}
        </Text>
      ) : (
        <ul className="grid grid-cols-2 gap-3 px-6 py-4 sm:grid-cols-3 lg:grid-cols-4">
          {files.map((file) => (
            <li key={file.id} className="relative" data-testid={`${testId}-attachment`} data-attachment-id={file.id}>
              <a
                href={file.url}
                target="_blank"
                rel="noreferrer"
                className="border-ui-border-base hover:border-ui-border-interactive flex flex-col overflow-hidden rounded-lg border"
                data-testid={`${testId}-attachment-link`}
              >
                {isImage(file) ? (
                  <img src={file.url} alt={file.filename} className="bg-ui-bg-subtle aspect-square w-full object-cover" loading="lazy" />
                ) : (
                  <div className="bg-ui-bg-subtle text-ui-fg-muted flex aspect-square w-full items-center justify-center">
                    <DocumentText />
                  </div>
                )}
                <div className="flex flex-col px-2 py-1.5">
                  <span className="txt-compact-small truncate" title={file.filename} data-testid={`${testId}-attachment-name`}>
                    {file.filename}
                  </span>
                  <span className="txt-compact-xsmall text-ui-fg-subtle" data-testid={`${testId}-attachment-added-by`}>
                    {formatFileSize(file.size_bytes)}
                    {file.note ? ` · ${file.note}` : ""}
                  </span>
                </div>
              </a>
              {canChange && (
                <IconButton
                  size="2xsmall"
                  variant="primary"
                  className="absolute right-1.5 top-1.5"
                  aria-label={`Remove ${file.filename}`}
                  onClick={() => confirmRemove(file)}
                  disabled={removal.isPending}
                  data-testid={`${testId}-attachment-remove`}
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
