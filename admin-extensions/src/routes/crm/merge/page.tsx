import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useSearchParams } from "react-router-dom"

import { CustomerPicker } from "./components/customer-picker"
import { MergedPanel } from "./components/merged-panel"
import { PreviewSection } from "./components/preview-section"
import { SuggestionsSection } from "./components/suggestions-section"
import type { AdminMergeResponse as MergeResponse } from "@fieldservice/contract"

/**
 * Merge duplicate customers: pick the customer to keep (primary) and the duplicate (secondary),
 * by hand or from the suggested pairs, check the preview of what moves and which values are kept,
 * then confirm. The choice lives in the address (?primary_id=&secondary_id=), so the directory's
 * "Merge" action and reloads land on the same pair.
 */
const MergeCustomersPage = () => {
  const [params, setParams] = useSearchParams()
  const primaryId = params.get("primary_id") ?? ""
  const secondaryId = params.get("secondary_id") ?? ""
  const [merged, setMerged] = useState<MergeResponse["merge"] | null>(null)

  const choose = (changes: { primary_id?: string | null; secondary_id?: string | null }) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setMerged(null)
    setParams(next, { replace: true })
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="merge-page">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Merge duplicate customers</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Keep one customer (the primary) and merge a duplicate (the secondary) into it: addresses, contacts, business profiles, dependents, custom fields,
          tags, notes, bookings, orders, saved cards, messages and history all move to the primary, and the secondary is deleted. Merging can't be undone.{" "}
          <Link to="/crm" className="text-ui-fg-interactive">
            Back to the customer directory
          </Link>
        </Text>
      </Container>

      {merged ? (
        <MergedPanel merge={merged} onAnother={() => choose({ primary_id: null, secondary_id: null })} />
      ) : (
        <>
          <Container className="divide-y p-0" data-testid="merge-pick">
            <div className="px-6 py-4">
              <Heading level="h2">Customers to merge</Heading>
            </div>
            <div className="grid grid-cols-1 items-start gap-4 px-6 py-4 md:grid-cols-[1fr_auto_1fr]">
              <CustomerPicker
                role="primary"
                title="Keep (primary)"
                hint="Keeps its name, email and settings; everything else joins it."
                customerId={primaryId}
                otherId={secondaryId}
                onChange={(id) => choose({ primary_id: id })}
              />
              <div className="flex h-full items-center justify-center">
                <Button
                  size="small"
                  variant="secondary"
                  disabled={!primaryId && !secondaryId}
                  onClick={() => choose({ primary_id: secondaryId || null, secondary_id: primaryId || null })}
                  data-testid="merge-swap"
                >
                  <ArrowPath /> Swap
                </Button>
              </div>
              <CustomerPicker
                role="secondary"
                title="Merge and delete (secondary)"
                hint="Its records move to the primary, then it is deleted."
                customerId={secondaryId}
                otherId={primaryId}
                onChange={(id) => choose({ secondary_id: id })}
              />
            </div>
          </Container>

          {primaryId && secondaryId ? <PreviewSection primaryId={primaryId} secondaryId={secondaryId} onMerged={setMerged} /> : null}
        </>
      )}

      <SuggestionsSection
        onReview={(pair) => {
          choose({ primary_id: pair.primary.id, secondary_id: pair.secondary.id })
          window.scrollTo({ top: 0, behavior: "smooth" })
        }}
      />
    </div>
  )
}

export default MergeCustomersPage

// The breadcrumb.
export const handle = { breadcrumb: () => "Merge customers" }
