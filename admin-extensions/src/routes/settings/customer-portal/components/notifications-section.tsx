import { Switch, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { type AdminPortalSettings as PortalSettings, NOTICE_EVENT_RULES, NOTICE_EVENTS, type NoticeEvent, type NoticeSetting } from "@fieldservice/contract"
import { PortalSettingsCard, SettingsFormError, useSaveSettings } from "./portal-settings-card"

export function NotificationsSection() {
  return (
    <PortalSettingsCard
      testId="portal-notifications-settings"
      title="Notifications"
      description="Which events appear on the customer's Notifications page in the portal, and which are emailed too. Service emails the customer needs are always sent."
    >
      {(settings) => <NoticeSwitches settings={settings} />}
    </PortalSettingsCard>
  )
}

/** One row per event, two switches each; a switch saves as soon as it is switched, as the portal switch does. */
function NoticeSwitches({ settings }: { settings: PortalSettings }) {
  const [formError, setFormError] = useState<string | null>(null)
  const save = useSaveSettings({ savedMessage: () => "Notification settings saved.", setFormError })
  const pending = save.isPending ? save.variables?.notices : undefined

  const shown = (event: NoticeEvent, kind: keyof NoticeSetting) => pending?.[event]?.[kind] ?? settings.notices[event][kind]
  const change = (event: NoticeEvent, kind: keyof NoticeSetting, next: boolean) => {
    setFormError(null)
    save.mutate({ notices: { [event]: { [kind]: next } } })
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <SettingsFormError message={formError} testId="portal-notifications-error" />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Event</Table.HeaderCell>
            <Table.HeaderCell>Portal notification</Table.HeaderCell>
            <Table.HeaderCell>Email</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {NOTICE_EVENTS.map((event) => {
            const rule = NOTICE_EVENT_RULES[event]
            const always = rule.email === "always"
            return (
              <Table.Row key={event} data-testid={`notice-row-${event}`}>
                <Table.Cell>{rule.label}</Table.Cell>
                <Table.Cell>
                  <Switch
                    aria-label={`${rule.label}: portal notification`}
                    checked={shown(event, "notice")}
                    onCheckedChange={(next) => change(event, "notice", next)}
                    disabled={save.isPending}
                    data-testid={`notice-${event}-notice`}
                  />
                </Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-x-2 py-2">
                    <Switch
                      aria-label={`${rule.label}: email`}
                      checked={always || shown(event, "email")}
                      onCheckedChange={(next) => change(event, "email", next)}
                      disabled={always || save.isPending}
                      data-testid={`notice-${event}-email`}
                    />
                    {always && (
                      <Text size="xsmall" className="text-ui-fg-subtle max-w-[260px] whitespace-normal">
                        {rule.email_note ?? "Always sent."}
                      </Text>
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      <Text size="small" className="text-ui-fg-subtle">
        Saved as soon as you switch. Switching a notification off stops new ones; those already sent stay.
      </Text>
    </div>
  )
}
