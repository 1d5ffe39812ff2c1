import * as z from 'zod/mini';

// As lib/zod-config, for bundles that load only zod/mini: MV3 forbids eval, so keep zod off
// its `new Function` fast path.
z.config({ jitless: true });
