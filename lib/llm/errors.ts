import type { UserError } from '@/lib/messaging/errors';

/**
 * Every way a model request can fail, each with a message and an action a seller can
 * follow. Providers throw `ModelFailure`; the UI only ever sees the `UserError` value.
 */
export type ModelErrorCode =
  | 'ollama-not-running'
  | 'ollama-origin-forbidden'
  | 'model-not-installed'
  | 'no-models-installed'
  | 'endpoint-unreachable'
  | 'endpoint-refuses-extensions'
  | 'timed-out'
  | 'bad-api-key'
  | 'api-key-needed'
  | 'rate-limited'
  | 'stream-error'
  | 'context-too-long'
  | 'answer-cut-off'
  | 'unusable-output'
  | 'builtin-unavailable'
  | 'endpoint-error';

export interface ModelErrorDetails {
  host?: string;
  model?: string;
  installed?: string[];
  /** The extension's own origin, `chrome-extension://<id>` or Firefox's `moz-extension://<uuid>`. */
  extensionOrigin?: string;
  seconds?: number;
  status?: number;
  detail?: string;
}

/**
 * The exact OLLAMA_ORIGINS value that lets this extension through Ollama's origin check:
 * its origin as `browser.runtime.getURL('')` gives it (chrome-extension://<id>/ in
 * Chrome, moz-extension://<uuid>/ in Firefox), without the trailing slash.
 */
export function ollamaOriginsValue(extensionBaseUrl: string): string {
  return extensionBaseUrl.replace(/\/+$/, '');
}

function describe(code: ModelErrorCode, d: ModelErrorDetails): { message: string; action: string } {
  const host = d.host ?? 'the configured address';
  switch (code) {
    case 'ollama-not-running':
      // Firefox sends Origin: moz-extension://… (the automatic Origin fix is Chrome's), and
      // Ollama's default origin check refuses it before answering: that looks like no answer.
      if (d.extensionOrigin?.startsWith('moz-extension:')) {
        return {
          message: `Ollama isn’t answering at ${host}, or it refused Firefox’s request.`,
          action:
            'If Ollama is not running, start it (open the Ollama app, or run `ollama serve`). ' +
            `If it is, allow this add-on: set OLLAMA_ORIGINS=${ollamaOriginsValue(d.extensionOrigin)} and restart Ollama. Then press Test connection again.`,
        };
      }
      return {
        message: `Ollama isn’t answering at ${host}.`,
        action:
          'Start Ollama: open the Ollama app, or run `ollama serve` in a terminal. Then press Test connection again.',
      };
    case 'ollama-origin-forbidden': {
      const origins = ollamaOriginsValue(d.extensionOrigin ?? 'chrome-extension://<extension id>');
      return {
        message: `Ollama at ${host} refused the extension (403 Forbidden: its origin check blocked the request).`,
        action:
          `Allow the extension in Ollama: set OLLAMA_ORIGINS=${origins} ` +
          `(macOS: run \`launchctl setenv OLLAMA_ORIGINS "${origins}"\`; Windows: add it under Environment Variables; Linux: add it to the ollama service), then quit and restart Ollama.`,
      };
    }
    case 'model-not-installed':
      return {
        message:
          `The model “${d.model}” isn’t installed in Ollama.` +
          (d.installed?.length ? ` Installed: ${d.installed.join(', ')}.` : ''),
        action: `Run \`ollama pull ${d.model}\`, or pick an installed model in Settings.`,
      };
    case 'no-models-installed':
      return {
        message: 'Ollama is running but has no models installed.',
        action: `Install one: run \`ollama pull ${d.model || 'llama3.2'}\`, then choose it in Settings.`,
      };
    case 'endpoint-unreachable':
      return {
        message: `Can’t reach ${host}.`,
        action: 'Check the address in Settings and that the server is running and online.',
      };
    case 'endpoint-refuses-extensions':
      return {
        message: `${host} is running but doesn’t accept requests from browser extensions (it doesn’t allow cross-origin requests).`,
        action:
          'Click “Allow access” in Settings to let the extension reach it directly, or turn on CORS in the server (in LM Studio: “Enable CORS” in the server settings).',
      };
    case 'timed-out':
      return {
        message: `The model didn’t finish within ${d.seconds ?? '?'} seconds.`,
        action:
          'Try again (the first answer after a model loads is slowest), use a smaller model, or raise the time limit in Settings.',
      };
    case 'bad-api-key':
      return {
        message: `${host} refused the API key (401 Unauthorized).`,
        action: 'Paste a valid API key in Settings and save it.',
      };
    case 'api-key-needed':
      return {
        message: `${host} needs an API key (401 Unauthorized, and none is saved).`,
        action: 'Paste the server’s API key in Settings and save it.',
      };
    case 'rate-limited':
      return {
        message: `${host} is limiting requests right now (429 Too Many Requests)${d.seconds ? `; it asks to wait ${d.seconds} seconds` : ''}.`,
        action: `Wait${d.seconds ? ` ${d.seconds} seconds` : ' a moment'} and try again, or check your plan’s limits with the provider.`,
      };
    case 'stream-error':
      return {
        message: `The model stopped with an error part-way through its answer${d.detail ? `: ${d.detail}` : '.'}`,
        action:
          'Try again. If it keeps happening, restart the model server or choose another model.',
      };
    case 'context-too-long':
      return {
        message: 'This listing is too long for the model’s context window.',
        action:
          'Shorten the description, or choose a model with a larger context window (for Ollama, raise num_ctx).',
      };
    case 'answer-cut-off':
      return {
        message:
          'The answer was cut off: the model ran out of room before it finished (its context or output limit).',
        action:
          'Choose a larger context or a shorter description (for Ollama, a model with a larger context), or use the offline suggestions.',
      };
    case 'unusable-output':
      return {
        message: `The model’s answer couldn’t be used${d.detail ? ` (${d.detail})` : ''}.`,
        action: 'Try again, or use the offline suggestions instead.',
      };
    case 'builtin-unavailable':
      return {
        message: `Chrome’s built-in model isn’t available in this browser${d.detail ? ` (${d.detail})` : ''}.`,
        action:
          'It needs Chrome 138+ on a supported computer. Choose Ollama or an OpenAI-compatible endpoint instead.',
      };
    case 'endpoint-error':
      return {
        message: `${host} answered with an error${d.status ? ` (HTTP ${d.status})` : ''}${d.detail ? `: ${d.detail}` : '.'}`,
        action: 'Check the address and model in Settings, then try again.',
      };
  }
}

export function modelError(code: ModelErrorCode, details: ModelErrorDetails = {}): UserError {
  return { source: 'model', code, ...describe(code, details) };
}

/** Thrown inside providers; carries the seller-facing error out of the call stack. */
export class ModelFailure extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
    this.name = 'ModelFailure';
  }
}

export function fail(code: ModelErrorCode, details?: ModelErrorDetails): never {
  throw new ModelFailure(modelError(code, details));
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * Server error texts that mean the prompt did not fit: Ollama ("the input length exceeds the
 * context length"), llama.cpp's server ("… exceeds the available context size …", type
 * exceed_context_size_error), OpenAI and vLLM ("maximum context length", code
 * context_length_exceeded), LM Studio.
 */
const CONTEXT_ERROR =
  /context[ _]length|exceeds? the (available )?context|context[ _]size|context window|too many tokens|maximum context/i;

export function isContextError(text: string): boolean {
  return CONTEXT_ERROR.test(text);
}

/** Any thrown value as a seller-facing error; known failures keep their own message. */
export function userErrorFromModel(error: unknown, details: ModelErrorDetails = {}): UserError {
  if (error instanceof ModelFailure) return error.userError;
  if (error instanceof TypeError) return modelError('endpoint-unreachable', details);
  const detail = error instanceof Error ? error.message : String(error);
  if (isContextError(detail)) return modelError('context-too-long', details);
  return modelError('endpoint-error', { ...details, detail });
}
