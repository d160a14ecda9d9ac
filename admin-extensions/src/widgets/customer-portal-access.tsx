import {
  RESTORE_WINDOW_DAYS,
  type AdminCustomerProfileResponse,
  type AdminPortalAccount as PortalAccount,
  type AdminPortalAccountResponse as PortalAccountResponse,
  type AdminPortalInviteResponse as PortalInviteResponse,
  PORTAL_LOGIN_METHOD_LABELS,
} from "@fieldservice/contract"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { STATUS_COLORS, STATUS_LABELS } from "../lib/profile"
import { STATUS_ACTIONS, type StatusAction, accountPath, describeLoginMethods, formatDateTime, formatDay, formatRelative, portalQueryKeys } from "../lib/portal"
import { sdk } from "../lib/sdk"

/** The invite button's label for this account, or null when there is nothing to send. */
function inviteLabel(account: PortalAccount): string | null {
  if (!account.has_login) return account.last_invite_sent_at ? "Resend invite" : "Invite to portal"
  if (!account.email_verified_at) return "Send confirm-account email"
  return null
}

const CustomerPortalAccessWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const queryKey = portalQueryKeys.account(customer.id)

  const { data, isLoading, error } = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<PortalAccountResponse>(accountPath(customer.id)),
  })

  const invite = useMutation({
    mutationFn: () =>
      sdk.client.fetch<PortalInviteResponse>(`/admin/customers/${customer.id}/portal-invite`, {
        method: "POST",
        body: {},
      }),
    onSuccess: ({ invite }) => {
      toast.success(
        invite.template === "confirm-account"
          ? `Confirm-account email sent to ${customer.email}`
          : `Invite sent to ${customer.email}. The link works until ${formatDateTime(invite.expires_at)}.`
      )
      return queryClient.invalidateQueries({ queryKey })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const changeStatus = useMutation({
    mutationFn: (action: StatusAction) =>
      sdk.client.fetch<AdminCustomerProfileResponse>(`/admin/customers/${customer.id}/profile`, {
        method: "POST",
        body: { status: STATUS_ACTIONS[action].to },
      }),
    onSuccess: (_response, action) => {
      toast.success(STATUS_ACTIONS[action].done)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.profile(customer.id) }),
        // Archived customers are hidden from the dashboard's lists.
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.dashboardCustomers, refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.archivedCustomers, refetchType: "none" }),
      ])
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const confirmStatus = async (action: StatusAction) => {
    const { label, title, description } = STATUS_ACTIONS[action]
    const confirmed = await prompt({ title, description, confirmText: label, cancelText: "Cancel" })
    if (confirmed) changeStatus.mutate(action)
  }

  const account = data?.account
  const busy = invite.isPending || changeStatus.isPending
  const sendLabel = account ? inviteLabel(account) : null

  return (
    <Container className="divide-y p-0" data-testid="customer-portal-access">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Portal access</Heading>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading portal access…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          Portal access could not be loaded: {error.message}
        </Text>
      )}
      {account && (
        <>
          <Row label="Status">
            <Badge size="2xsmall" color={STATUS_COLORS[account.status]} data-testid="portal-status">
              {STATUS_LABELS[account.status] ?? account.status}
            </Badge>
          </Row>
          <Row label="Login">
            <Text size="small" leading="compact" data-testid="portal-login">
              {account.has_login && account.login_methods.length > 0 ? describeLoginMethods(account.login_methods) : "No login yet"}
            </Text>
          </Row>
          <Row label="Last sign-in">
            <Text
              size="small"
              leading="compact"
              title={account.last_sign_in ? formatDateTime(account.last_sign_in.at) : undefined}
              data-testid="portal-last-sign-in"
            >
              {account.last_sign_in
                ? `${formatRelative(account.last_sign_in.at)} (${formatDateTime(account.last_sign_in.at)}), ${PORTAL_LOGIN_METHOD_LABELS[account.last_sign_in.method] ?? account.last_sign_in.method}`
                : "Never"}
            </Text>
          </Row>
          <Row label="Email">
            <Text
              size="small"
              leading="compact"
              className={account.email_verified_at ? undefined : "text-ui-fg-subtle"}
              title={account.email_verified_at ? formatDateTime(account.email_verified_at) : undefined}
              data-testid="portal-email-verified"
            >
              {account.email_verified_at ? `Verified ${formatDay(account.email_verified_at)}` : "Not verified"}
            </Text>
          </Row>
          <Row label="Last invite">
            <Text
              size="small"
              leading="compact"
              title={account.last_invite_sent_at ? formatDateTime(account.last_invite_sent_at) : undefined}
              data-testid="portal-last-invite"
            >
              {account.last_invite_sent_at ? `${formatRelative(account.last_invite_sent_at)} (${formatDay(account.last_invite_sent_at)})` : "Never"}
            </Text>
          </Row>

          {(sendLabel || !account.portal_enabled) && (
            <div className="flex flex-col gap-y-2 px-6 py-4">
              {sendLabel && (
                <Button
                  size="small"
                  variant="primary"
                  className="w-full"
                  onClick={() => invite.mutate()}
                  isLoading={invite.isPending}
                  disabled={!account.portal_enabled || busy}
                  data-testid="portal-invite"
                >
                  {sendLabel}
                </Button>
              )}
              {!account.portal_enabled && (
                <Text size="small" className="text-ui-fg-subtle" data-testid="portal-closed-hint">
                  The portal is switched off in{" "}
                  <Link to="/settings/customer-portal" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                    Settings → Customer portal
                  </Link>
                  .
                </Text>
              )}
            </div>
          )}

          <div className="flex flex-wrap gap-2 px-6 py-4">
            {account.status === "active" && <StatusButton action="block" onClick={confirmStatus} disabled={busy} />}
            {account.status === "blocked" && <StatusButton action="unblock" onClick={confirmStatus} disabled={busy} />}
            {account.status === "archived" ? (
              <StatusButton action="unarchive" onClick={confirmStatus} disabled={busy} />
            ) : (
              <StatusButton action="archive" onClick={confirmStatus} disabled={busy} />
            )}
            {/* The page has one Delete, Medusa's, which is our restorable soft delete. */}
            <Text size="small" className="text-ui-fg-subtle w-full" data-testid="portal-delete-hint">
              To delete this customer, use Delete in the menu of the section headed with their email. They can be restored for {RESTORE_WINDOW_DAYS} days.
            </Text>
          </div>
        </>
      )}
    </Container>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-2 items-center gap-x-2 px-6 py-4">
      <Text size="small" weight="plus" leading="compact">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  )
}

function StatusButton({ action, onClick, disabled }: { action: StatusAction; onClick: (action: StatusAction) => void; disabled: boolean }) {
  return (
    <Button size="small" variant="secondary" onClick={() => onClick(action)} disabled={disabled} data-testid={`portal-${action}`}>
      {STATUS_ACTIONS[action].label}
    </Button>
  )
}

export const config = defineWidgetConfig({
  // Its place on the page: migration-scripts/customer-page-layout.ts.
  id: "customer-portal-access",
  zone: "customer.details.side.before",
})

export default CustomerPortalAccessWidget
