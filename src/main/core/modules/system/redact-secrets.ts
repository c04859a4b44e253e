/**
 * Secrets never leave the desk in a diagnostic bundle: any key that names a password, token,
 * secret, verifier, credential or enrollment code is replaced, at any depth. Unlike the RPC
 * logger's `redact`, payloads are kept whole (support needs them); only file bodies are elided.
 */
const secretKey = /(password|passwd|token|secret|authorization|verifier|credential|cookie|enrol+ment.?code|private.?key|api.?key|pin$)/i;

export const REDACTED = '[redatto]';

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20) return '…';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (secretKey.test(k)) out[k] = REDACTED;
      else if (k === 'base64' && typeof v === 'string') out[k] = `[${v.length} caratteri omessi]`;
      else out[k] = redactSecrets(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string' && /^Bearer\s+\S+/i.test(value)) return REDACTED;
  return value;
}
