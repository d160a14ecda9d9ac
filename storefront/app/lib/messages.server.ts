import { MAX_ATTACHMENT_BYTES, MESSAGE_MAX_FILES } from "@fieldservice/contract"

import { ATTACHMENT_TOO_LARGE, attachmentProblem } from "~/lib/manage-booking"
import { messageBodyProblem } from "~/lib/messages"
import { readForm } from "~/lib/uploads.server"

export type PostedMessage = { form: FormData | null; body: string; files: File[]; problem: string | null }

/** The chosen files; browsers send an empty, nameless part when none was chosen. */
function chosenFiles(form: FormData, name: string): File[] {
  return form.getAll(name).filter((value): value is File => typeof value !== "string" && (value.size > 0 || Boolean(value.name)))
}

/**
 * A posted message (multipart with photos or PDFs, or plain): its text, its files and what is wrong
 * before it is sent. The API checks each file's content itself.
 */
export async function readPostedMessage(request: Request): Promise<PostedMessage> {
  const read = await readForm(request, MAX_ATTACHMENT_BYTES + 512 * 1024)
  if (!read.form) return { form: null, body: "", files: [], problem: ATTACHMENT_TOO_LARGE }
  const form = read.form
  const body = String(form.get("body") ?? "").trim()
  const files = chosenFiles(form, "files")
  const problem =
    form.get("intent") === "delete"
      ? null
      : (messageBodyProblem(body) ??
        (files.length > MESSAGE_MAX_FILES ? `Attach up to ${MESSAGE_MAX_FILES} files to one message.` : null) ??
        files.map(attachmentProblem).find(Boolean) ??
        null)
  return { form, body, files, problem }
}
