// Integration test files that may run at the same time as another file of this list (two
// workers). Every other file runs alone. A file belongs here only when it makes its own customers
// and records, asserts on nothing another file could change meanwhile, runs no job, changes no
// app-wide setting and injects no fault (README, Tests, "Two at a time").
export const ALONGSIDE = ["http/customer-profile.test.ts", "http/postcodes.test.ts"]
