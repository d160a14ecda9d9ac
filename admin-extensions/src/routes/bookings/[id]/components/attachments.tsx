import { DocumentText } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { formatFileSize, isImage } from "../../../../lib/bookings"
import type { AdminBooking } from "@fieldservice/contract"

export function Attachments({ booking }: { booking: AdminBooking }) {
  return (
    <Container className="divide-y p-0" data-testid="booking-attachments">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Attachments</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {booking.attachments.length === 1 ? "1 file" : `${booking.attachments.length} files`}
        </Text>
      </div>
      {booking.attachments.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="booking-attachments-empty">
          No photos or documents yet. Customers can add them to their booking in the portal.
        </Text>
      ) : (
        <ul className="grid grid-cols-2 gap-3 px-6 py-4 sm:grid-cols-3 lg:grid-cols-4">
          {booking.attachments.map((attachment) => (
            <li key={attachment.id} data-testid="booking-attachment" data-attachment-id={attachment.id}>
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
                  <span className="txt-compact-xsmall text-ui-fg-subtle">
                    {formatFileSize(attachment.size_bytes)} · {attachment.added_by === "staff" ? "staff" : "customer"}
                  </span>
                </div>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
