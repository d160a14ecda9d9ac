import { RESTORE_WINDOW_MS, formatPhone, type AdminCustomerDirectoryItem as DirectoryCustomer, type DirectoryStatus } from "@fieldservice/contract"
import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, DropdownMenu, IconButton, Table, clx } from "@medusajs/ui"
import { type ReactNode, useRef } from "react"
import { Link } from "react-router-dom"
import { DIRECTORY_STATUS_COLORS, DIRECTORY_STATUS_LABELS, adminLocale, customerPage, directoryName, formatDirectoryDay } from "../../../lib/directory"
import { STATUS_ACTIONS, type StatusAction } from "../../../lib/portal"

export type RowChoice = "view" | "edit" | "merge" | "tag" | "statement" | "due-date" | "delete" | "restore" | StatusAction

/** The status changes offered for a customer in this status. */
const STATUS_CHOICES: Record<Exclude<DirectoryStatus, "deleted" | "merged">, StatusAction[]> = {
  active: ["archive", "block"],
  blocked: ["unblock", "archive"],
  archived: ["unarchive", "block"],
}

/** Choices that open a page or act at once; every other one asks in a prompt first. */
const NO_PROMPT: RowChoice[] = ["view", "edit", "merge", "statement", "restore"]

export function DirectoryRow({
  customer,
  busy,
  onOpen,
  onAction,
}: {
  customer: DirectoryCustomer
  busy: boolean
  onOpen: () => void
  onAction: (choice: RowChoice) => void
}) {
  const deleted = customer.status === "deleted"
  // A merged customer's page is its read-only record, saying where its data went.
  const merged = customer.status === "merged"
  const statusChoices = customer.status === "deleted" || customer.status === "merged" ? [] : STATUS_CHOICES[customer.status]
  const name = directoryName(customer)
  // The menu gives the focus back to its button as it closes; a prompt opened from it keeps it.
  const opensPrompt = useRef(false)
  const choose = (choice: RowChoice) => {
    opensPrompt.current = !NO_PROMPT.includes(choice)
    onAction(choice)
  }
  // The same locale as the filters' dates.
  const locale = adminLocale()
  const formatDay = (iso: string | null) => formatDirectoryDay(iso, locale)
  const restorableUntil = customer.deleted_at ? new Date(new Date(customer.deleted_at).getTime() + RESTORE_WINDOW_MS).toISOString() : null
  return (
    <Table.Row
      // A deleted customer's page no longer opens; restore them first.
      className={clx(!deleted && "cursor-pointer", busy && "opacity-60")}
      onClick={deleted ? undefined : onOpen}
      data-testid="crm-directory-row"
      data-customer-id={customer.id}
      data-status={customer.status}
    >
      <Table.Cell className="max-w-64">
        <div className="flex flex-col py-2">
          {deleted ? (
            <span className="truncate" data-testid="crm-directory-row-name">
              {name}
            </span>
          ) : (
            // A real link too, so staff can open a customer in a new tab.
            <Link
              to={customerPage(customer)}
              onClick={(event) => event.stopPropagation()}
              className="txt-compact-small-plus truncate"
              data-testid="crm-directory-row-name"
            >
              {name}
            </Link>
          )}
          {customer.business_names && (
            <span className="text-ui-fg-subtle truncate" title={customer.business_names}>
              {customer.business_names}
            </span>
          )}
        </div>
      </Table.Cell>
      <Table.Cell className="max-w-64 truncate" data-testid="crm-directory-row-email">
        {customer.email}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap" data-testid="crm-directory-row-phone">
        {customer.phone ? formatPhone(customer.phone) : <span className="text-ui-fg-muted">—</span>}
      </Table.Cell>
      <Table.Cell>
        <div className="flex max-w-56 flex-wrap gap-1 py-1">
          {customer.tags.map((tag) => (
            <Badge key={tag} size="2xsmall" className="whitespace-nowrap" data-testid="crm-directory-row-tag">
              {tag}
            </Badge>
          ))}
        </div>
      </Table.Cell>
      <Table.Cell>
        <Badge
          size="2xsmall"
          color={DIRECTORY_STATUS_COLORS[customer.status]}
          title={deleted && restorableUntil ? `Deleted ${formatDay(customer.deleted_at)}; can be restored until ${formatDay(restorableUntil)}` : undefined}
          data-testid="crm-directory-row-status"
        >
          {DIRECTORY_STATUS_LABELS[customer.status] ?? customer.status}
        </Badge>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{formatDay(customer.created_at)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap" data-testid="crm-directory-row-last-visit">
        {customer.last_booking_at ? formatDay(customer.last_booking_at) : <Muted>None yet</Muted>}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap" data-testid="crm-directory-row-next-visit">
        {customer.next_booking_at ? formatDay(customer.next_booking_at) : <Muted>None booked</Muted>}
      </Table.Cell>
      {/* The menu's clicks stay here (React passes them up through the menu's portal). */}
      <Table.Cell onClick={(event) => event.stopPropagation()} className="w-10">
        <DropdownMenu>
          <DropdownMenu.Trigger asChild>
            <IconButton size="small" variant="transparent" aria-label={`Actions for ${name}`} disabled={busy} data-testid="crm-directory-row-actions">
              <EllipsisHorizontal />
            </IconButton>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content
            align="end"
            onCloseAutoFocus={(event) => {
              if (opensPrompt.current) event.preventDefault()
              opensPrompt.current = false
            }}
          >
            {deleted ? (
              <DropdownMenu.Item onSelect={() => choose("restore")} data-testid="crm-directory-action-restore">
                Restore
              </DropdownMenu.Item>
            ) : merged ? (
              <DropdownMenu.Item onSelect={() => onAction("view")} data-testid="crm-directory-action-view">
                View merged record
              </DropdownMenu.Item>
            ) : (
              <>
                <DropdownMenu.Item onSelect={() => choose("view")} data-testid="crm-directory-action-view">
                  View profile
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => choose("edit")} data-testid="crm-directory-action-edit">
                  Edit
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => choose("merge")} data-testid="crm-directory-action-merge">
                  Merge with another customer
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => choose("tag")} data-testid="crm-directory-action-tag">
                  Add tag
                </DropdownMenu.Item>
                <DropdownMenu.Separator />
                <DropdownMenu.Item onSelect={() => choose("statement")} data-testid="crm-directory-action-statement">
                  View statement
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => choose("due-date")} data-testid="crm-directory-action-due-date">
                  Set invoice due date
                </DropdownMenu.Item>
                <DropdownMenu.Separator />
                {statusChoices.map((choice) => (
                  <DropdownMenu.Item key={choice} onSelect={() => choose(choice)} data-testid={`crm-directory-action-${choice}`}>
                    {STATUS_ACTIONS[choice].label}
                  </DropdownMenu.Item>
                ))}
                <DropdownMenu.Separator />
                <DropdownMenu.Item onSelect={() => choose("delete")} className="text-ui-fg-error" data-testid="crm-directory-action-delete">
                  Delete
                </DropdownMenu.Item>
              </>
            )}
          </DropdownMenu.Content>
        </DropdownMenu>
      </Table.Cell>
    </Table.Row>
  )
}

const Muted = ({ children }: { children: ReactNode }) => <span className="text-ui-fg-muted">{children}</span>
