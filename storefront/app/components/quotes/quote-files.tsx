import type { Quote } from "@fieldservice/contract"

import { formatBytes, isThumbnailImage } from "~/lib/manage-booking"

/** The photos and documents of the version the customer has; each opens in a new tab through the portal. */
export function QuoteFiles({ quote }: { quote: Quote }) {
  const files = quote.current?.attachments ?? []
  if (!files.length) return null
  return (
    <section aria-labelledby="quote-files-heading" className="quote-files" data-testid="quote-files">
      <h2 id="quote-files-heading">Photos and documents</h2>
      <ul className="attachment-list">
        {files.map((file) => {
          const url = `/quotes/${encodeURIComponent(quote.id)}/files/${encodeURIComponent(file.id)}`
          const kind = file.mime_type === "application/pdf" ? "PDF" : "Photo"
          return (
            <li key={file.id} className="attachment" data-testid="quote-file">
              <a href={url} target="_blank" rel="noreferrer" className="attachment__link">
                {isThumbnailImage(file.mime_type) ? (
                  <img src={url} alt="" className="attachment__thumbnail" loading="lazy" />
                ) : (
                  <span className="attachment__icon" aria-hidden="true">
                    {kind}
                  </span>
                )}
                <span className="attachment__name" data-testid="quote-file-name">
                  {file.filename}
                </span>
              </a>
              <span className="muted">
                {kind}, {formatBytes(file.size_bytes)}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
