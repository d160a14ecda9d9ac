export type DemoCustomer = {
  email: string
  first_name: string
  last_name: string
  phone: string
  kind: "personal" | "business"
  company_name?: string
  /** Only customers with a password can sign in to the portal; the others were added by staff. */
  password?: string
}

export function demoCustomers(customerEmail: string, customerPassword: string): DemoCustomer[] {
  return [
    { email: customerEmail, first_name: "Olivia", last_name: "Bennett", phone: "+44 7700 900123", kind: "personal", password: customerPassword },
    { email: "james.carter@carterlettings.co.uk", first_name: "James", last_name: "Carter", phone: "+44 20 7946 0321", kind: "business", company_name: "Carter Lettings Ltd", password: customerPassword },
    { email: "priya.shah@example.net", first_name: "Priya", last_name: "Shah", phone: "+44 7700 900456", kind: "personal" },
    { email: "tom.hughes@example.org", first_name: "Tom", last_name: "Hughes", phone: "+44 7700 900789", kind: "personal" },
    { email: "facilities@greenleafdental.co.uk", first_name: "Hannah", last_name: "Morris", phone: "+44 161 496 0750", kind: "business", company_name: "Greenleaf Dental Practice" },
  ]
}
