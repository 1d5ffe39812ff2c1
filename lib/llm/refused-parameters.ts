import { storage } from '#imports';
import { z } from 'zod';

/**
 * Request parameters a model has refused (reasoning models accept only their default
 * temperature), remembered per endpoint and model so later requests leave them out. Kept
 * in storage.local: no secret, and it survives the service worker and the browser.
 */
const RefusedSchema = z.record(z.string(), z.array(z.enum(['temperature'])));
type RefusableParameter = 'temperature';

const refusedItem = storage.defineItem<Record<string, RefusableParameter[]>>(
  'local:refusedParameters',
  { fallback: {} },
);

export interface RefusedParameters {
  list(): Promise<RefusableParameter[]>;
  remember(parameter: RefusableParameter): Promise<void>;
}

async function readAll(): Promise<Record<string, RefusableParameter[]>> {
  const parsed = RefusedSchema.safeParse(await refusedItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The memory for one model at one endpoint. */
export function refusedParametersFor(endpoint: string, model: string): RefusedParameters {
  const key = `${endpoint} ${model}`;
  return {
    list: async () => (await readAll())[key] ?? [],
    async remember(parameter) {
      const all = await readAll();
      const known = all[key] ?? [];
      if (!known.includes(parameter)) {
        await refusedItem.setValue({ ...all, [key]: [...known, parameter] });
      }
    },
  };
}
