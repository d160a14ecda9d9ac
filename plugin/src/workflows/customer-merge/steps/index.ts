export * from "./acquire-customer-merge-locks"
export * from "./apply-customer-merge"
export * from "./plan-customer-merge"
export * from "./release-customer-merge-locks"
