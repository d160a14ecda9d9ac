import { CheckCircleSolid } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { customerName, mergeNames } from "../../../../lib/customer-merge"
import type { AdminMergeResponse as MergeResponse } from "@fieldservice/contract"

export function MergedPanel({ merge, onAnother }: { merge: MergeResponse["merge"]; onAnother: () => void }) {
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="merge-done">
      <div className="flex items-center gap-x-2">
        <CheckCircleSolid className="text-ui-fg-interactive" />
        <Heading level="h2">Customers merged</Heading>
      </div>
      <Text size="small">
        {mergeNames(merge.secondary, merge.primary).secondary} was merged into {mergeNames(merge.secondary, merge.primary).primary} and deleted.
      </Text>
      <div className="flex flex-wrap gap-2">
        <Button size="small" asChild>
          <Link to={`/customers/${merge.primary.id}`} data-testid="merge-open-primary">
            Open {customerName(merge.primary)}
          </Link>
        </Button>
        <Button size="small" variant="secondary" onClick={onAnother} data-testid="merge-another">
          Merge other customers
        </Button>
      </div>
    </Container>
  )
}
