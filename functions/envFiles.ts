// Which of functions/' env files the bundle carries: those Firebase deploys (`.env`,
// `.env.<project id or alias>`), never a `*.local` one (`.env.local`, `.secret.local`): only
// the emulator reads those, and `.secret.local` can hold a real OpenAI key.

/** True for an env file that may ship in the deploy bundle. */
export function isDeployableEnvFile(name: string): boolean {
  return (name === ".env" || name.startsWith(".env.")) && !name.endsWith(".local");
}
