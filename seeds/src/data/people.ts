export type DemoCustomer = {
  email: string
  first_name: string
  last_name: string
  phone: string
  kind: "personal" | "business"
  company_name?: string
  /** The company's billing details, seeded as the customer's business profile. */
  business?: { billing_email: string; address_1: string; city: string; postal_code: string; country_code: string; tax_id?: string }
  /** Only customers with a password can sign in to the portal; the others were added by staff. */
  password?: string
}

export function demoCustomers(customerEmail: string, customerPassword: string): DemoCustomer[] {
  return [
    { email: customerEmail, first_name: "Olivia", last_name: "Bennett", phone: "+44 7700 900123", kind: "personal", password: customerPassword },
    {
      email: "james.carter@carterlettings.co.uk",
      first_name: "James",
      last_name: "Carter",
      phone: "+44 20 7946 0321",
      kind: "business",
      company_name: "Carter Lettings Ltd",
      password: customerPassword,
      business: {
        billing_email: "accounts@carterlettings.co.uk",
        address_1: "2 Wharf Road",
        city: "London",
        postal_code: "N1 7GR",
        country_code: "gb",
        tax_id: "GB123456789",
      },
    },
    { email: "priya.shah@example.net", first_name: "Priya", last_name: "Shah", phone: "+44 7700 900456", kind: "personal" },
    { email: "tom.hughes@example.org", first_name: "Tom", last_name: "Hughes", phone: "+44 7700 900789", kind: "personal" },
    {
      email: "facilities@greenleafdental.co.uk",
      first_name: "Hannah",
      last_name: "Morris",
      phone: "+44 161 496 0750",
      kind: "business",
      company_name: "Greenleaf Dental Practice",
      business: { billing_email: "accounts@greenleafdental.co.uk", address_1: "41 Oxford Road", city: "Manchester", postal_code: "M1 5QA", country_code: "gb" },
    },
  ]
}
