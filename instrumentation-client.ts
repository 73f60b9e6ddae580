// Zod 4 probes `new Function("")` when it builds its first schema in the browser; under our
// Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation. Turn it off.
import { z } from "zod";

z.config({ jitless: true });
