import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import type { AdminReferral } from "@fieldservice/contract"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatMoney } from "../lib/bookings"
import { REFERRAL_STATUS_COLORS, REFERRAL_STATUS_LABELS, useCustomerReferrals, useRevokeReferral } from "../lib/referrals"

function ReferralRow({ referral, other, customerId }: { referral: AdminReferral; other: AdminReferral["referrer"]; customerId: string }) {
  const revoke = useRevokeReferral(customerId)
  const onRevoke = () => {
    const reason = window.prompt("Why is this reward revoked? What is left of it is taken back from their store credit.")
    if (reason === null) return
    revoke.mutate(
      { referral_id: referral.id, reason: reason.trim() || undefined },
      { onSuccess: () => toast.success("Reward revoked"), onError: (error) => toast.error(error.message) }
    )
  }
  return (
    <li className="flex flex-col gap-y-1" data-testid="customer-referral-row">
      <div className="flex items-center justify-between gap-x-2">
        <Link to={`/customers/${other.id}`} className="txt-compact-small-plus text-ui-fg-interactive">
          {other.name}
        </Link>
        <Badge size="2xsmall" color={REFERRAL_STATUS_COLORS[referral.status]}>
          {REFERRAL_STATUS_LABELS[referral.status]}
        </Badge>
      </div>
      {referral.reward_amount !== null && referral.currency_code && (
        <Text size="small" className="text-ui-fg-subtle">
          Reward {formatMoney(referral.reward_amount, referral.currency_code)} store credit
          {referral.status === "revoked" ? " (revoked)" : ""}
        </Text>
      )}
      {referral.reason && (
        <Text size="small" className="text-ui-fg-subtle">
          {referral.reason}
        </Text>
      )}
      {referral.status === "rewarded" && (
        <div>
          <Button size="small" variant="secondary" onClick={onRevoke} isLoading={revoke.isPending} data-testid="customer-referral-revoke">
            Revoke reward
          </Button>
        </div>
      )}
    </li>
  )
}

/** Customer page → "Referrals": who invited this customer, whom they invited, statuses and rewards. */
const CustomerReferralsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useCustomerReferrals(customer.id)
  return (
    <Container className="divide-y p-0" data-testid="customer-referrals">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Referrals</Heading>
        {data?.code && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-referral-code">
            Code {data.code}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        {isLoading && <Text size="small">Loading…</Text>}
        {error && (
          <Text size="small" className="text-ui-fg-error">
            Referrals could not be loaded: {error.message}
          </Text>
        )}
        {data && (
          <>
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                Invited by
              </Text>
              {data.referred_by ? (
                <ul>
                  <ReferralRow referral={data.referred_by} other={data.referred_by.referrer} customerId={customer.id} />
                </ul>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  Nobody: they did not sign up through an invite link.
                </Text>
              )}
            </div>
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                Friends they invited
              </Text>
              {data.referred.length ? (
                <ul className="flex flex-col gap-y-3">
                  {data.referred.map((referral) => (
                    <ReferralRow key={referral.id} referral={referral} other={referral.referred} customerId={customer.id} />
                  ))}
                </ul>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  None yet.
                </Text>
              )}
            </div>
          </>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerReferralsWidget
