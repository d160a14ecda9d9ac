export * from "./customer-profile/ensure-customer-profile"
export * from "./customer-profile/update-customer-profile"
export * from "./content/content-workflows"
