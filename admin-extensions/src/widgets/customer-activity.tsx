import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Drawer, Heading, Input, Label, StatusBadge, Table, Tabs, Text, Textarea, toast, Tooltip } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useEffect, useRef, useState } from "react"
import { FormError } from "../components/entry-drawer"
import {
  activityQueryKeys,
  actorLabel,
  formatChangeValue,
  localizeMessage,
  useCommunication,
  useCustomerActivity,
  useCustomerCommunications,
  useSendMessage,
} from "../lib/activity"
import { formatDateTime, formatRelative } from "../lib/portal"
import { useCustomerProfile } from "../lib/profile"
import type { AdminActivityEntry as ActivityEntry, AdminCommunication as Communication } from "@fieldservice/contract"

type Tab = "activity" | "communication"

/**
 * The customer's history on their page: the activity timeline (every change with who made it
 * and, for edits, "View changes" with the values before and after) and the communication log
 * (every email sent, with a preview), plus "Send message".
 */
const CustomerActivityWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [tab, setTab] = useState<Tab>("activity")
  const [composing, setComposing] = useState(false)
  const queryClient = useQueryClient()
  const profile = useCustomerProfile(customer.id)

  // Anything saved on this page (Medusa's own forms update the customer, the plugin's the profile) shows up at once.
  const updatedAt = `${customer.updated_at ?? ""}|${profile.dataUpdatedAt}`
  const seen = useRef(updatedAt)
  useEffect(() => {
    if (seen.current === updatedAt) return
    seen.current = updatedAt
    void queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customer.id) })
    void queryClient.invalidateQueries({ queryKey: activityQueryKeys.communications(customer.id) })
  }, [updatedAt, customer.id, queryClient])

  return (
    <Container className="divide-y p-0" data-testid="customer-activity">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">History</Heading>
        <Button size="small" variant="secondary" onClick={() => setComposing(true)} data-testid="customer-send-message">
          Send message
        </Button>
      </div>
      <Tabs value={tab} onValueChange={(value) => setTab(value as Tab)}>
        <div className="px-6 pt-3">
          <Tabs.List>
            <Tabs.Trigger value="activity" data-testid="customer-activity-tab">
              Activity
            </Tabs.Trigger>
            <Tabs.Trigger value="communication" data-testid="customer-communication-tab">
              Communication
            </Tabs.Trigger>
          </Tabs.List>
        </div>
        <Tabs.Content value="activity">
          <ActivityTimeline customerId={customer.id} />
        </Tabs.Content>
        <Tabs.Content value="communication">
          <CommunicationLog customerId={customer.id} active={tab === "communication"} />
        </Tabs.Content>
      </Tabs>
      <SendMessageDrawer customerId={customer.id} email={customer.email} open={composing} onOpenChange={setComposing} onSent={() => setTab("communication")} />
    </Container>
  )
}

function Loading() {
  return (
    <Text className="px-6 py-4" size="small">
      Loading…
    </Text>
  )
}

function LoadMore({ onClick, isLoading, testId }: { onClick: () => void; isLoading: boolean; testId: string }) {
  return (
    <div className="px-6 pb-4">
      <Button size="small" variant="secondary" onClick={onClick} isLoading={isLoading} data-testid={testId}>
        Load more
      </Button>
    </div>
  )
}

function When({ iso }: { iso: string }) {
  return (
    <Tooltip content={formatDateTime(iso)}>
      <time dateTime={iso}>{formatRelative(iso)}</time>
    </Tooltip>
  )
}

function ActivityTimeline({ customerId }: { customerId: string }) {
  const { data, isLoading, error, fetchNextPage, hasNextPage, isFetchingNextPage } = useCustomerActivity(customerId)
  const entries = data?.pages.flatMap((page) => page.activity) ?? []
  const count = data?.pages[0]?.count ?? 0

  if (isLoading) return <Loading />
  if (error) {
    return (
      <Text className="px-6 py-4 text-ui-fg-error" size="small">
        The activity could not be loaded: {error.message}
      </Text>
    )
  }
  if (!entries.length) {
    return (
      <Text className="px-6 py-4 text-ui-fg-subtle" size="small" data-testid="customer-activity-empty">
        Nothing recorded yet.
      </Text>
    )
  }
  return (
    <div>
      <ol className="flex flex-col gap-y-4 px-6 py-4" data-testid="customer-activity-list" data-count={count}>
        {entries.map((entry) => (
          <ActivityItem key={entry.id} entry={entry} customerId={customerId} />
        ))}
      </ol>
      {hasNextPage && <LoadMore onClick={() => void fetchNextPage()} isLoading={isFetchingNextPage} testId="customer-activity-more" />}
    </div>
  )
}

function ActivityItem({ entry, customerId }: { entry: ActivityEntry; customerId: string }) {
  const [showChanges, setShowChanges] = useState(false)
  return (
    <li className="flex flex-col gap-y-1" data-testid="customer-activity-entry" data-kind={entry.kind}>
      <Text size="small" leading="compact" className="break-words" data-testid="customer-activity-message">
        {localizeMessage(entry.message)}
      </Text>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        <When iso={entry.created_at} />
        <span data-testid="customer-activity-actor" data-actor-type={entry.actor.type}>
          {" · "}
          {actorLabel(entry.actor, customerId)}
        </span>
      </Text>
      {entry.changes.length > 0 && (
        <div>
          <Button
            size="small"
            variant="transparent"
            className="text-ui-fg-interactive -ml-2 px-2"
            onClick={() => setShowChanges((shown) => !shown)}
            aria-expanded={showChanges}
            data-testid="customer-activity-view-changes"
          >
            {showChanges ? "Hide changes" : "View changes"}
          </Button>
          {showChanges && (
            <Table className="mt-1" data-testid="customer-activity-changes">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Field</Table.HeaderCell>
                  <Table.HeaderCell>Before</Table.HeaderCell>
                  <Table.HeaderCell>After</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {entry.changes.map((change) => (
                  <Table.Row key={change.field} data-testid="customer-activity-change" data-field={change.field}>
                    <Table.Cell>{change.label}</Table.Cell>
                    <Table.Cell className="break-words whitespace-normal" data-testid="customer-activity-before">
                      {"before" in change ? formatChangeValue(change.before, change.field, "before") : <span className="text-ui-fg-muted">not recorded</span>}
                    </Table.Cell>
                    <Table.Cell className="break-words whitespace-normal" data-testid="customer-activity-after">
                      {formatChangeValue(change.after, change.field)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </div>
      )}
    </li>
  )
}

const STATUS_COLORS = { sent: "green", failed: "red", sending: "grey" } as const

function CommunicationLog({ customerId, active }: { customerId: string; active: boolean }) {
  const { data, isLoading, error, fetchNextPage, hasNextPage, isFetchingNextPage } = useCustomerCommunications(customerId, active)
  const [previewing, setPreviewing] = useState<string | null>(null)
  const emails = data?.pages.flatMap((page) => page.communications) ?? []

  if (isLoading) return <Loading />
  if (error) {
    return (
      <Text className="px-6 py-4 text-ui-fg-error" size="small">
        The emails could not be loaded: {error.message}
      </Text>
    )
  }
  if (!emails.length) {
    return (
      <Text className="px-6 py-4 text-ui-fg-subtle" size="small" data-testid="customer-communications-empty">
        No emails sent yet.
      </Text>
    )
  }
  return (
    <div data-testid="customer-communications">
      <ol className="flex flex-col gap-y-3 px-6 py-4">
        {emails.map((email) => (
          <CommunicationItem key={email.id} email={email} onPreview={() => setPreviewing(email.id)} />
        ))}
      </ol>
      {hasNextPage && <LoadMore onClick={() => void fetchNextPage()} isLoading={isFetchingNextPage} testId="customer-communications-more" />}
      <PreviewDrawer customerId={customerId} id={previewing} onClose={() => setPreviewing(null)} />
    </div>
  )
}

function CommunicationItem({ email, onPreview }: { email: Communication; onPreview: () => void }) {
  return (
    <li className="flex items-start justify-between gap-x-3" data-testid="customer-communication-entry" data-template={email.template}>
      <div className="flex min-w-0 flex-col gap-y-0.5">
        <Text size="small" leading="compact" weight="plus" className="break-words" data-testid="customer-communication-subject">
          {email.subject ?? email.template}
        </Text>
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle break-words">
          <When iso={email.created_at} /> · to {email.to} · from {email.from}
          {email.reply_to ? ` · replies to ${email.reply_to}` : ""} · {email.template}
        </Text>
      </div>
      <div className="flex shrink-0 items-center gap-x-2">
        <StatusBadge color={STATUS_COLORS[email.status] ?? "grey"} data-testid="customer-communication-status">
          {email.status}
        </StatusBadge>
        <Button size="small" variant="transparent" onClick={onPreview} data-testid="customer-communication-preview-open">
          Preview
        </Button>
      </div>
    </li>
  )
}

function PreviewDrawer({ customerId, id, onClose }: { customerId: string; id: string | null; onClose: () => void }) {
  const { data, isLoading, error } = useCommunication(customerId, id)
  const email = data?.communication
  return (
    <Drawer open={!!id} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="customer-communication-preview">
        <Drawer.Header>
          <Drawer.Title className="h2-core font-sans font-medium">{email?.preview?.subject ?? email?.subject ?? "Email"}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            {email ? `To ${email.to}, ${formatDateTime(email.created_at)} · ${email.status}` : "Loading…"}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-1 flex-col overflow-hidden p-0">
          {isLoading && <Loading />}
          {error && <FormError error={`The email could not be loaded: ${error.message}`} testId="customer-communication-preview-error" />}
          {email?.preview_error && <FormError error={email.preview_error} testId="customer-communication-preview-error" />}
          {email?.preview && (
            // A sandboxed frame: the email's HTML can't run scripts or reach the admin.
            <iframe
              title="Email preview"
              sandbox=""
              srcDoc={email.preview.html}
              className="h-full min-h-[480px] w-full flex-1 border-0 bg-white"
              data-testid="customer-communication-preview-frame"
            />
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

function SendMessageDrawer({
  customerId,
  email,
  open,
  onOpenChange,
  onSent,
}: {
  customerId: string
  email: string
  open: boolean
  onOpenChange: (open: boolean) => void
  onSent: () => void
}) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="customer-message-drawer">
        <Drawer.Header>
          <Drawer.Title className="h2-core font-sans font-medium">Send message</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            {`An email to ${email}, from you at the business's address. Replies go to your inbox.`}
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open, so each message starts empty. */}
        {open && (
          <MessageForm
            customerId={customerId}
            onSent={() => {
              onOpenChange(false)
              onSent()
            }}
          />
        )}
      </Drawer.Content>
    </Drawer>
  )
}

function MessageForm({ customerId, onSent }: { customerId: string; onSent: () => void }) {
  const [subject, setSubject] = useState("")
  const [body, setBody] = useState("")
  const [error, setError] = useState<string | null>(null)
  const send = useSendMessage(customerId)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!subject.trim() || !body.trim()) {
      setError("Write a subject and a message.")
      return
    }
    setError(null)
    try {
      await send.mutateAsync({ subject: subject.trim(), body })
      toast.success("Message sent")
      onSent()
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : "The message could not be sent.")
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <FormError error={error} testId="customer-message-error" />
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="customer-message-subject" size="small" weight="plus">
            Subject
          </Label>
          <Input
            id="customer-message-subject"
            value={subject}
            maxLength={200}
            onChange={(event) => setSubject(event.target.value)}
            data-testid="customer-message-subject"
          />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="customer-message-body" size="small" weight="plus">
            Message
          </Label>
          <Textarea
            id="customer-message-body"
            rows={10}
            value={body}
            maxLength={10000}
            onChange={(event) => setBody(event.target.value)}
            data-testid="customer-message-body"
          />
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" data-testid="customer-message-cancel">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={send.isPending} data-testid="customer-message-send">
          Send
        </Button>
      </Drawer.Footer>
    </form>
  )
}

export const config = defineWidgetConfig({
  // Its place on the page: migration-scripts/customer-page-layout.ts.
  id: "customer-activity",
  zone: "customer.details.after",
})

export default CustomerActivityWidget
