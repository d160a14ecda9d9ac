import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArchivedCustomersSection } from "./components/archived-customers-section"
import { BookingChangesSection } from "./components/booking-changes-section"
import { DeletedCustomersSection } from "./components/deleted-customers-section"
import { NotificationsSection } from "./components/notifications-section"
import { PortalAccessSection } from "./components/portal-access-section"
import { VisitRemindersSection } from "./components/visit-reminders-section"

const CustomerPortalSettingsPage = () => {
  return (
    <div className="flex flex-col gap-y-4" data-testid="customer-portal-settings-page">
      <PortalAccessSection />
      <BookingChangesSection />
      <VisitRemindersSection />
      <NotificationsSection />
      <ArchivedCustomersSection />
      <DeletedCustomersSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Customer portal",
})

export default CustomerPortalSettingsPage
