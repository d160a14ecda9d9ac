import type { AdminQuoteAttachmentDeleteResponse, AdminQuoteResponse, Quote, QuoteVersion } from "@fieldservice/contract"
import { FileGallery } from "../../../components/file-gallery"
import { uploadFile } from "../../../lib/profile"
import { useQuoteSaved } from "../../../lib/quotes"
import { adminFetch } from "../../../lib/sdk"

/** A version's photos and PDFs; only the draft's may change (a sent version is kept as the customer got it). */
export function QuoteFiles({ quote, version }: { quote: Quote; version: QuoteVersion }) {
  const saved = useQuoteSaved()
  const draft = version.status === "draft"
  const path = `/admin/quotes/${quote.id}/attachments`
  return (
    <FileGallery
      title={draft ? "Photos and documents · draft" : `Photos and documents · version ${version.version}`}
      testId={draft ? "quote-draft" : "quote-current"}
      files={version.attachments.map((file) => ({ ...file, url: `${path}/${file.id}` }))}
      canChange={draft}
      empty={draft ? "No photos or documents yet. Add photos or PDFs: the customer sees them once this version is sent." : "No photos or documents."}
      upload={async (file) => saved(await uploadFile<AdminQuoteResponse>(path, file))}
      remove={async (file) => saved((await adminFetch<AdminQuoteAttachmentDeleteResponse>(`${path}/${file.id}`, { method: "DELETE" })).parent)}
      removeWarning={(file) =>
        `“${file.filename}” will be removed from the draft (version ${version.version}).${quote.current ? " Versions already sent keep it." : ""}`
      }
    />
  )
}
