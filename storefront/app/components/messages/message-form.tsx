import { Form, useNavigation } from "@remix-run/react"
import { MESSAGE_MAX_LENGTH } from "@fieldservice/contract"

import { FormAlert } from "~/components/field"
import { ATTACHMENT_ACCEPT } from "~/lib/manage-booking"
import { FILES_HINT, MESSAGE_HINT } from "~/lib/messages"

type Props = {
  label: string
  submitLabel: string
  error?: string | null
  body?: string
  /** Hidden fields posted with the message (what a new one is about). */
  hidden?: Record<string, string>
}

/**
 * The message box with photos and PDFs: a multipart post to the page's own action, so it works
 * without JavaScript; the page gives it a new key after sending, which empties it.
 */
export function MessageForm({ label, submitLabel, error, body, hidden = {} }: Props) {
  const navigation = useNavigation()
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "send"
  return (
    <Form method="post" encType="multipart/form-data" className="form message-form" noValidate preventScrollReset data-testid="message-form">
      <FormAlert message={error ?? undefined} />
      <input type="hidden" name="intent" value="send" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="message-body">{label}</label>
        <textarea
          id="message-body"
          name="body"
          rows={5}
          maxLength={MESSAGE_MAX_LENGTH}
          defaultValue={body}
          aria-describedby="message-body-hint"
          aria-invalid={error ? true : undefined}
          required
          data-testid="message-body-input"
        />
        <p className="field-hint" id="message-body-hint">
          {MESSAGE_HINT}
        </p>
      </div>
      <div className="field">
        <label htmlFor="message-files">Photos or PDFs (optional)</label>
        <input
          id="message-files"
          name="files"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby="message-files-hint"
          data-testid="message-files"
        />
        <p className="field-hint" id="message-files-hint">
          {FILES_HINT}
        </p>
      </div>
      <button type="submit" className="button" disabled={sending} data-testid="message-send">
        {sending ? "Sending…" : submitLabel}
      </button>
    </Form>
  )
}
