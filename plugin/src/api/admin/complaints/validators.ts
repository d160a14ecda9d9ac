// The staff routes' bodies and queries are the contract's schemas (the admin's forms send the same).
export { adminComplaintListQuery, adminComplaintOpening, complaintAssignment, complaintStatusChange } from "@fieldservice/contract"
export type { AdminComplaintListQuery, AdminComplaintOpeningBody, ComplaintAssignmentBody, ComplaintStatusChangeBody } from "@fieldservice/contract"
