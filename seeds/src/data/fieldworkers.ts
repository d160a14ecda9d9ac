/**
 * Brightside's field team around Bristol (BS), Bath (BA) and Gloucester (GL): cleaners, a Gas
 * Safe engineer, an exterior team, a dog groomer and a tutor who teaches online and in person.
 */
export const DEMO_FIELDWORKERS = [
  { name: "Grace Adeyemi", email: "grace.adeyemi@brightside.example", phone: "+44 7700 900311", service_areas: ["BS"] },
  { name: "Lucy Chen", email: "lucy.chen@brightside.example", phone: "+44 7700 900322", service_areas: ["BA", "BS3", "BS4"] },
  { name: "Tom Whitfield", email: "tom.whitfield@brightside.example", phone: "+44 7700 900333", service_areas: ["BS", "BA", "GL"] },
  { name: "Rhys Morgan", email: "rhys.morgan@brightside.example", phone: "+44 7700 900344", service_areas: ["BS", "BA"] },
  { name: "Megan Price", email: "megan.price@brightside.example", phone: "+44 7700 900355", service_areas: ["BS", "BA"] },
  { name: "Harriet Cole", email: "harriet.cole@brightside.example", phone: "+44 7700 900366", service_areas: [] as string[] },
  // On parental leave: kept for the record, not given new bookings.
  { name: "Kieran Walsh", email: "kieran.walsh@brightside.example", phone: "+44 7700 900377", service_areas: ["GL"], active: false },
]
