import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskBridge } from '../../shared/contract/bridge';
import type { DeskEvent } from '../../shared/contract/events';
import { ipcChannels } from './channels';

// Sandboxed preload: only `electron` and the channel names; the page gets `window.gonfalone`
// exactly as DeskBridge, never ipcRenderer itself.
const bridge = {
  rpc: (name, input) => ipcRenderer.invoke(ipcChannels.rpc, name, input),
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: DeskEvent) => listener(event);
    ipcRenderer.on(ipcChannels.event, handler);
    return () => void ipcRenderer.removeListener(ipcChannels.event, handler);
  },
  uploadFile: (bytes, fileName, mimeType) => ipcRenderer.invoke(ipcChannels.upload, bytes, fileName, mimeType),
  native: {
    printPdf: (base64, title) => ipcRenderer.invoke(ipcChannels.print, base64, title),
    saveFile: (base64, suggestedName) => ipcRenderer.invoke(ipcChannels.save, base64, suggestedName),
  },
} satisfies DeskBridge;

contextBridge.exposeInMainWorld('gonfalone', bridge);
