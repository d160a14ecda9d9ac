import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { customerName, mergeNames, mergeQueryKeys } from "../../../../lib/customer-merge"
import { sdk } from "../../../../lib/sdk"
import { formatPhone } from "@fieldservice/contract"
import type {
  AdminMergePreview as MergePreview,
  AdminMergePreviewResponse as MergePreviewResponse,
  AdminMergeResponse as MergeResponse,
} from "@fieldservice/contract"

/** A conflict's value as staff read it: phone numbers in the one format the directory shows. */
const showValue = (field: string, value: string | null) => (value === null ? "—" : field === "phone" ? formatPhone(value) : value)

const KEPT_LABELS = { primary: "Primary's", secondary: "Secondary's", both: "Both" } as const

/** What the merge would do, and the confirm step. */
export function PreviewSection({
  primaryId,
  secondaryId,
  onMerged,
}: {
  primaryId: string
  secondaryId: string
  onMerged: (merge: MergeResponse["merge"]) => void
}) {
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const preview = useQuery({
    queryKey: mergeQueryKeys.preview(primaryId, secondaryId),
    queryFn: () => sdk.client.fetch<MergePreviewResponse>("/admin/crm/merges/preview", { query: { primary_id: primaryId, secondary_id: secondaryId } }),
    retry: false,
  })
  const merge = useMutation({
    mutationFn: () => sdk.client.fetch<MergeResponse>("/admin/crm/merges", { method: "POST", body: { primary_id: primaryId, secondary_id: secondaryId } }),
    onSuccess: ({ merge }) => {
      const names = mergeNames(merge.secondary, merge.primary)
      toast.success(`${names.secondary} was merged into ${names.primary}`)
      void queryClient.invalidateQueries({ queryKey: mergeQueryKeys.duplicates })
      // The dashboard's customer list and pages: one customer is gone, the other changed.
      void queryClient.invalidateQueries({ queryKey: ["customers"], refetchType: "none" })
      onMerged(merge)
    },
    onError: (error: Error) => {
      toast.error(error.message)
      void preview.refetch()
    },
  })

  const confirm = async (data: MergePreview) => {
    const names = mergeNames(data.secondary, data.primary)
    const sameName = customerName(data.secondary).toLowerCase() === customerName(data.primary).toLowerCase()
    const confirmed = await prompt({
      variant: "danger",
      title: sameName ? `Merge the two records of ${customerName(data.primary)}?` : `Merge ${names.secondary} into ${names.primary}?`,
      description: `Everything of ${names.secondary} moves to ${names.primary}, and ${names.secondary} is deleted. This cannot be undone.`,
      confirmText: "Merge customers",
      cancelText: "Cancel",
    })
    if (confirmed) merge.mutate()
  }

  if (preview.isLoading) {
    return (
      <Container className="px-6 py-4" data-testid="merge-preview-loading">
        <Text size="small" className="text-ui-fg-subtle">
          Working out what moves…
        </Text>
      </Container>
    )
  }
  if (preview.error || !preview.data) {
    return (
      <Container className="flex items-center gap-x-2 px-6 py-4" data-testid="merge-preview-error">
        <ExclamationCircle className="text-ui-fg-error" />
        <Text size="small" className="text-ui-fg-error">
          {preview.error?.message ?? "The preview could not be loaded."}
        </Text>
      </Container>
    )
  }
  const data = preview.data.preview
  const moving = data.counts.filter((count) => count.primary + count.secondary > 0)

  return (
    <Container className="divide-y p-0" data-testid="merge-preview">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Preview</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          <strong>{mergeNames(data.secondary, data.primary).secondary}</strong> will be merged into{" "}
          <strong>{mergeNames(data.secondary, data.primary).primary}</strong>.
        </Text>
      </div>

      <Table data-testid="merge-counts">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Records</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Primary</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Secondary</Table.HeaderCell>
            <Table.HeaderCell>What happens</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Primary after</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {moving.length === 0 ? (
            <Table.Row>
              <td colSpan={5} className="h-12 px-6">
                <Text size="small" className="text-ui-fg-subtle">
                  Neither customer has any records yet.
                </Text>
              </td>
            </Table.Row>
          ) : (
            moving.map((count) => (
              <Table.Row key={count.kind} data-testid="merge-count" data-kind={count.kind}>
                <Table.Cell>{count.label}</Table.Cell>
                <Table.Cell className="text-right">{count.primary}</Table.Cell>
                <Table.Cell className="text-right">{count.secondary}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{describeCount(count)}</Table.Cell>
                <Table.Cell className="text-right" data-testid="merge-count-after">
                  {count.kind === "portal_logins" || count.kind === "portal_links" ? count.primary : count.after}
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>

      {data.conflicts.length > 0 && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="merge-conflicts">
          <Heading level="h3">Values both customers have</Heading>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Field</Table.HeaderCell>
                <Table.HeaderCell>Primary</Table.HeaderCell>
                <Table.HeaderCell>Secondary</Table.HeaderCell>
                <Table.HeaderCell>Kept</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.conflicts.map((conflict) => (
                <Table.Row key={conflict.field} data-testid="merge-conflict" data-field={conflict.field}>
                  <Table.Cell>{conflict.label}</Table.Cell>
                  <Table.Cell className={conflict.kept === "secondary" ? "text-ui-fg-muted" : undefined}>
                    {showValue(conflict.field, conflict.primary)}
                  </Table.Cell>
                  <Table.Cell className={conflict.kept === "primary" ? "text-ui-fg-muted line-through" : undefined}>
                    {showValue(conflict.field, conflict.secondary)}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <Badge size="2xsmall" color={conflict.kept === "secondary" ? "orange" : conflict.kept === "both" ? "blue" : "green"} className="w-fit">
                        {KEPT_LABELS[conflict.kept]}
                      </Badge>
                      {conflict.note && (
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {conflict.note}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      {data.warnings.length > 0 && (
        <ul className="flex flex-col gap-y-1 px-6 py-4" data-testid="merge-warnings">
          {data.warnings.map((warning) => (
            <li key={warning} className="flex items-start gap-x-2">
              <ExclamationCircle className="text-ui-fg-subtle mt-0.5 shrink-0" />
              <Text size="small">{warning}</Text>
            </li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Merging can't be undone: {mergeNames(data.secondary, data.primary).secondary} is deleted and its logins are removed.
        </Text>
        <Button variant="danger" size="small" isLoading={merge.isPending} onClick={() => confirm(data)} data-testid="merge-confirm">
          Merge customers…
        </Button>
      </div>
    </Container>
  )
}

function describeCount(count: MergePreview["counts"][number]): string {
  if (count.kind === "portal_logins") return count.secondary ? "The secondary's logins are removed" : "—"
  if (count.kind === "portal_links") return count.secondary ? "The secondary's open links stop working" : "—"
  if (count.kind === "internal_notes") return count.secondary ? "Added below the primary's notes" : "—"
  const parts: string[] = []
  if (count.moved) parts.push(count.kind === "tags" || count.kind === "customer_groups" ? `${count.moved} added` : `${count.moved} move`)
  if (count.dropped) {
    parts.push(
      count.kind === "custom_field_values"
        ? `${count.dropped} dropped (the primary's value is kept)`
        : count.kind === "payment_account_holders"
          ? `${count.dropped} unlinked (the primary's is kept)`
          : `${count.dropped} already on the primary`
    )
  }
  if (count.added) parts.push(`${count.added} added from the secondary's account details`)
  return parts.join(", ") || "—"
}
