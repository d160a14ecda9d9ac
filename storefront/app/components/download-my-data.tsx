import { Form } from "@remix-run/react"

export const PREPARING_MESSAGE = "We are preparing your file and will email you a link to download it. It usually takes a minute or two."

/** "Download my data": a plain form post, so it works without JavaScript. */
export function DownloadMyDataForm({ submitting = false }: { submitting?: boolean }) {
  return (
    <Form method="post" action="/account/data-export">
      <button type="submit" className="button button--secondary" disabled={submitting} data-testid="download-my-data">
        Download my data
      </button>
    </Form>
  )
}
