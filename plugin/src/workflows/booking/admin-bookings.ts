// Staff's booking workflows, one a file; this keeps the names other code imports from here.
export * from "./admin-booking-record"
export * from "./assign-fieldworker"
export * from "./change-booking-status"
export * from "./reopen-completed-booking"
export * from "./link-booking-customer"
export * from "./link-guest-bookings"
