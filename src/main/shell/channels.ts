/** IPC channels between preload and main: one RPC port, one event stream, three native calls. */
export const ipcChannels = {
  rpc: 'gonfalone:rpc',
  event: 'gonfalone:event',
  upload: 'gonfalone:upload',
  print: 'gonfalone:print',
  save: 'gonfalone:save',
} as const;
