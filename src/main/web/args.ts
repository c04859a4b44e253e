import { parseServerUrl } from '../remote-config';

/** Command-line options of `npm run web`: --port P --data DIR --demo --server URL. */
export interface HostArgs {
  port: number;
  dataDir: string;
  demo: boolean;
  /** Issue 3: the town hall's register server (origin only); null = remembered or embedded. */
  serverUrl: string | null;
}

export function parseHostArgs(argv: string[], defaults: { port: number; dataDir: string }): HostArgs {
  const out: HostArgs = { port: defaults.port, dataDir: defaults.dataDir, demo: false, serverUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`Manca il valore di ${flag}`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`Porta non valida: ${arg}`);
        out.port = p;
        break;
      }
      case '--data':
        out.dataDir = value();
        break;
      case '--demo':
        out.demo = true;
        break;
      case '--server':
        out.serverUrl = parseServerUrl(value());
        break;
      default:
        throw new Error(`Opzione sconosciuta: ${arg} (opzioni: --port P, --data DIR, --demo, --server URL)`);
    }
  }
  return out;
}
