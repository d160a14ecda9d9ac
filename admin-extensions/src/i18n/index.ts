import { RESTORE_WINDOW_DAYS } from "@fieldservice/contract"

/**
 * Words of Medusa's own admin that ours change; merged over Medusa's translations. The customer
 * page's Delete (its header menu) is our soft delete, so it says the customer can be restored.
 */
export default {
  en: {
    translation: {
      customers: {
        delete: {
          title: "Delete customer?",
          description: `{{email}} will be deleted and their logins removed now. Staff can restore the customer, with all their data, for ${RESTORE_WINDOW_DAYS} days under Settings → Customer portal.`,
          successToast: `Customer {{email}} deleted. They can be restored for ${RESTORE_WINDOW_DAYS} days under Settings → Customer portal.`,
        },
      },
    },
  },
}
