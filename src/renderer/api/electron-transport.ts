import type { DeskBridge } from '../../shared/contract/bridge';
import type { Transport } from './transport';

/** Electron: the preload's RPC port; the shell keeps the session token, not the page. */
export function electronTransport(bridge: DeskBridge): Transport {
  return {
    kind: 'electron',
    rpc: (name, input) => bridge.rpc(name, input),
    upload: (bytes, fileName, mimeType) => bridge.uploadFile(bytes, fileName, mimeType),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

declare global {
  interface Window {
    gonfalone?: DeskBridge;
  }
}

export function desktopBridge(): DeskBridge | null {
  return typeof window !== 'undefined' && window.gonfalone ? window.gonfalone : null;
}
