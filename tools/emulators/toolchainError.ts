// A problem with the local toolchain that a developer must fix by hand. Its message says
// exactly what is missing and how to get it; CLIs print it without a stack trace.
export class ToolchainError extends Error {
  override readonly name = "ToolchainError";
}
