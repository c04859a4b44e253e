import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The Italian application menu; "Scorciatoie da tastiera" opens the page's own F1 dialog. */
export function installMenu(getWindow: () => BrowserWindow | null, opts: { dev: boolean; dataDir: string }): void {
  const pressF1 = () => {
    for (const type of ['keyDown', 'keyUp'] as const) getWindow()?.webContents.sendInputEvent({ type, keyCode: 'F1' });
  };
  const sep = { type: 'separator' } as const;
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [{ label: 'Apri la cartella dei dati', click: () => void shell.openPath(opts.dataDir) }, sep, { label: 'Esci', role: 'quit' }] },
    {
      label: 'Modifica',
      submenu: [
        { label: 'Annulla', role: 'undo' }, { label: 'Ripeti', role: 'redo' }, sep, { label: 'Taglia', role: 'cut' },
        { label: 'Copia', role: 'copy' }, { label: 'Incolla', role: 'paste' }, { label: 'Seleziona tutto', role: 'selectAll' },
      ],
    },
    {
      label: 'Visualizza',
      submenu: [
        { label: 'Ricarica', role: 'reload' }, sep, { label: 'Dimensioni reali', role: 'resetZoom' },
        { label: 'Ingrandisci', role: 'zoomIn' }, { label: 'Riduci', role: 'zoomOut' }, sep,
        { label: 'Schermo intero', role: 'togglefullscreen' },
        ...(opts.dev ? [{ label: 'Strumenti per sviluppatori', role: 'toggleDevTools' } as const] : []),
      ],
    },
    // Shown but not registered, so F1 typed in the page still reaches the page's own handler.
    { label: 'Aiuto', submenu: [{ label: 'Scorciatoie da tastiera', accelerator: 'F1', registerAccelerator: false, click: pressF1 }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
