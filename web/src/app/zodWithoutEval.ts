// Imported first by main.tsx, before any schema exists: zod builds its fast object parsers with
// `new Function`, and even its probe for that is reported as a violation of the app's
// Content-Security-Policy (no 'unsafe-eval'). Without JIT zod uses its plain parsers.
import { z } from "zod";

z.config({ jitless: true });
