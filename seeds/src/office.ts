import type { MedusaContainer } from "@medusajs/framework/types"
import { updatePortalSettingsWorkflow } from "@fieldservice/medusa-portal/workflows"

/** How customers reach the demo office (an Ofcom drama number for Bristol); kept if staff already set them. */
export const DEMO_OFFICE = { office_phone: "0117 496 0123", office_email: "office@brightside.example" }

export async function seedOfficeContact(container: MedusaContainer) {
  const portal = container.resolve("portal_access") as { getSettings: () => Promise<{ office_phone: string | null; office_email: string | null }> }
  const settings = await portal.getSettings()
  if (settings.office_phone || settings.office_email) return
  await updatePortalSettingsWorkflow(container).run({ input: DEMO_OFFICE })
}
