// Content-Security-Policy values as data: parsed into directives and written back, so tools
// can extend the committed policy (the emulators' origins) and tests can read it directive by
// directive.

/** Directive name → its sources, in the policy's order. */
export type CspDirectives = Map<string, string[]>;

/** Parses `a 'self' x; b y` into directives; a repeated directive is an error (browsers ignore it). */
export function parseCsp(policy: string): CspDirectives {
  const directives: CspDirectives = new Map();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (directives.has(key)) throw new Error(`Content-Security-Policy repeats ${key}`);
    directives.set(key, sources);
  }
  return directives;
}

export function formatCsp(directives: CspDirectives): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/**
 * The sources that govern a fetch of `kind` (e.g. `script-src`): the directive itself, else
 * its CSP fallback (`script-src-elem` → `script-src` → `default-src`, and so on).
 */
export function effectiveSources(directives: CspDirectives, kind: string): string[] {
  const fallbacks: Record<string, string[]> = {
    "script-src-elem": ["script-src", "default-src"],
    "script-src-attr": ["script-src", "default-src"],
    "style-src-elem": ["style-src", "default-src"],
    "style-src-attr": ["style-src", "default-src"],
    "worker-src": ["child-src", "script-src", "default-src"],
    "frame-src": ["child-src", "default-src"],
  };
  for (const name of [kind, ...(fallbacks[kind] ?? ["default-src"])]) {
    const sources = directives.get(name);
    if (sources) return sources;
  }
  return [];
}
