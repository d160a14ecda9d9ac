import type { ICustomerModuleService, INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sealLinkFor, withOneTimeLinks } from "../../emails/one-time-links"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService, EXPORT_TTL_MS } from "../../modules/data-requests"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { buildExportFile } from "./build-export"
import { adminBaseUrl } from "../../utils/admin-links"

export const DATA_EXPORT_TRIGGER = "data_export.ready"
const TTL_DAYS = Math.round(EXPORT_TTL_MS / (24 * 60 * 60 * 1000))

export type RequestDataExportInput = {
  customer_id: string
  /** The customer (from the portal) or a staff member (name and email: their link goes to them). */
  actor: ActivityActor
}

type ExportRow = Awaited<ReturnType<DataRequestsModuleService["retrieveDataExport"]>>

/**
 * A new export request, or the one already being made for this customer (asking twice doesn't
 * make two files or send two emails).
 */
const createDataExportStep = createStep(
  "create-data-export",
  async (input: RequestDataExportInput, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { take: 1, withDeleted: true, select: ["id"] })
    if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
    const requests: DataRequestsModuleService = container.resolve(DATA_REQUESTS_MODULE)
    const [pending] = await requests.listDataExports({ customer_id: input.customer_id, status: "pending" }, { take: 1 })
    if (pending) return new StepResponse({ export: pending as ExportRow, created: false }, null as string | null)
    const staff = input.actor.type === "staff"
    const created = await requests.createDataExports({
      customer_id: input.customer_id,
      requested_by: staff ? "staff" : "customer",
      requested_by_id: input.actor.id ?? null,
      staff_email: staff ? (input.actor.email ?? null) : null,
      status: "pending",
    })
    return new StepResponse({ export: created as ExportRow, created: true }, created.id as string | null)
  },
  async (id, { container }) => {
    if (!id) return
    const requests: DataRequestsModuleService = container.resolve(DATA_REQUESTS_MODULE)
    await requests.deleteDataExports(id)
  }
)

/**
 * Builds the ZIP, stores it, and emails the link: to the customer (a token that works once, with
 * their session) or to the staff member (the admin's download, behind their staff session).
 * Never throws: a failure is recorded on the export.
 */
export async function buildAndSendExport(container: MedusaContainer, exportId: string): Promise<{ status: string }> {
  const requests: DataRequestsModuleService = container.resolve(DATA_REQUESTS_MODULE)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const job = await requests.retrieveDataExport(exportId)
  let fileKey: string | null = null
  try {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: job.customer_id }, { take: 1, withDeleted: true })
    const recipient = job.requested_by === "staff" ? job.staff_email : customer?.email
    if (!customer || !recipient) throw new Error(job.requested_by === "staff" ? "The staff member has no email address" : "The customer has no email address")

    const built = await buildExportFile(container, job.customer_id, portal.businessName)
    fileKey = built.file_key
    const completed = await requests.completeExport({ id: job.id, ...built, with_token: job.requested_by === "customer" })
    if (!completed) {
      // The customer's data was erased while the file was made: it must not survive.
      await container.resolve(Modules.FILE).deleteFiles(built.file_key)
      return { status: "cancelled" }
    }
    const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
    const label = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim() || customer.email || customer.id
    await notifications.createNotifications(
      job.requested_by === "staff"
        ? {
            to: recipient,
            channel: "email",
            template: "data-export-ready-staff",
            receiver_id: job.requested_by_id ?? undefined,
            resource_id: job.customer_id,
            resource_type: "customer",
            trigger_type: DATA_EXPORT_TRIGGER,
            data: { customer_label: label, download_url: adminDownloadUrl(container, job.id), expires_in_days: TTL_DAYS },
          }
        : {
            to: recipient,
            channel: "email",
            template: "data-export-ready",
            receiver_id: job.customer_id,
            resource_id: job.customer_id,
            resource_type: "customer",
            trigger_type: DATA_EXPORT_TRIGGER,
            data: withOneTimeLinks(
              { first_name: customer.first_name ?? undefined, expires_in_days: TTL_DAYS },
              { download_url: sealLinkFor(container, portal.portalLink("/account/data-export", { export: job.id, token: completed.token! })) }
            ),
          }
    )
    return { status: "ready" }
  } catch (error) {
    logger.error(`Data export ${exportId} failed: ${error instanceof Error ? error.stack : String(error)}`)
    const message = error instanceof Error ? error.message : String(error)
    const fresh = await requests.retrieveDataExport(exportId).catch(() => null)
    if (fresh?.status === "ready") {
      // Made, but the email didn't go: staff can still download it from the customer page.
      await requests.updateDataExports({ id: exportId, error: `The file is ready but its email could not be sent: ${message}` }).catch(() => undefined)
      return { status: "ready" }
    }
    if (fileKey)
      await container
        .resolve(Modules.FILE)
        .deleteFiles(fileKey)
        .catch(() => undefined)
    await requests.failExport(exportId, message).catch(() => undefined)
    return { status: "failed" }
  }
}

/** The admin's download link (staff sign in to the admin first). */
function adminDownloadUrl(container: MedusaContainer, exportId: string) {
  return `${adminBaseUrl(container)}/admin/data-exports/${exportId}/download`
}

/** Runs in the background (an async step): the request is answered at once, the email follows. */
const buildDataExportStep = createStep(
  { name: "build-data-export", async: true, maxRetries: 0 },
  async (input: { export_id: string }, { container }) => new StepResponse(await buildAndSendExport(container, input.export_id))
)

/**
 * "Download my data" (portal, My account) and "Download data" (staff, customer page): records the
 * request and a line in the customer's history, then makes the file in the background.
 */
export const requestDataExportWorkflow = createWorkflow("request-data-export", (input: RequestDataExportInput) => {
  const request = createDataExportStep(input)
  recordActivityStep(
    transform({ input, request }, ({ input, request }) =>
      request.created
        ? [
            {
              customer_id: input.customer_id,
              kind: "data_export_requested",
              message:
                input.actor.type === "staff"
                  ? `Copy of the customer's personal data requested; the link goes to ${input.actor.email ?? "the staff member"}.`
                  : "The customer asked for a copy of their personal data; the link goes to their account email.",
              data: { export_id: request.export.id },
              actor: input.actor,
            },
          ]
        : []
    )
  )
  when({ request }, ({ request }) => request.created).then(() => {
    buildDataExportStep(transform({ request }, ({ request }) => ({ export_id: request.export.id })))
  })
  return new WorkflowResponse(transform({ request }, ({ request }) => request.export))
})
