import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { INotificationModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { EMAILS_REQUESTED, type EmailsRequested } from "../workflows/notifications/send-after-commit"

/**
 * Sends the emails a finished workflow asked for (see sendAfterCommitStep). The Notification
 * module records each one; one that still fails after the provider's last try is recorded as
 * failed, which staff see in the customer's communication log.
 */
export default async function sendRequestedEmails({ event: { data }, container }: SubscriberArgs<EmailsRequested>) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  try {
    await notifications.createNotifications(data.notifications)
  } catch (error) {
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(`An email could not be sent and is recorded as failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export const config: SubscriberConfig = { event: EMAILS_REQUESTED }
