// Unit tests do real work too: HTTP journeys through the whole app, scrypt hashes, PDFs, SQLite
// writes. On a busy 2-core CI machine jest's 5 s default fails them (a KPI journey hook passed in 3 s
// alone and timed out under load), so every test and hook gets a generous minute unless it says more.
jest.setTimeout(60_000);
