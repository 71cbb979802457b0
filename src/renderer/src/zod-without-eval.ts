import { z } from 'zod';

// Zod compiles fast parsers with `new Function` unless told not to, and probes for it when a
// schema is created. Under the page's CSP (no eval) the probe fails quietly but is still
// reported as a CSP violation, so it is switched off. Imported first by every page entry,
// before any schema module runs.
z.config({ jitless: true });
