/**
 * The core's logger: structured lines, never `console` in core (STYLE.md). Hosts pass their
 * own sink; tests pass a silent or collecting one. Secrets are redacted before they leave.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { log() {} };

/** A logger writing JSON lines to stderr (the default of hosts). */
export function stderrLogger(minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return {
    log(level, message, fields) {
      if (order.indexOf(level) < order.indexOf(minLevel)) return;
      process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, message, ...fields })}\n`);
    },
  };
}

const secretKeys = /^(token|password|secret|authorization)$/i;

/** Deep copy of RPC arguments with tokens, passwords and secrets replaced, file bodies elided. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '…';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (secretKeys.test(k)) out[k] = '[redatto]';
      else if (k === 'base64' && typeof v === 'string') out[k] = `[${v.length} caratteri]`;
      else out[k] = redact(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string' && value.length > 300) return `${value.slice(0, 300)}…`;
  return value;
}
