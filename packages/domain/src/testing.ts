// Test fixtures of @ideaspark/domain, reached as `@ideaspark/domain/testing` by the unit,
// integration and browser suites. Production code never imports this entry (eslint enforces).
export * from "./fixtures/badSparkRequests.js";
export * from "./fixtures/sampleIdea.js";
