import { z } from 'zod';

// MV3 forbids eval: keep zod off its `new Function` fast path, so it never even probes
// for it (a refused probe can log a CSP error, in Etsy's console too).
z.config({ jitless: true });
