import type { GeneratedFile } from '../../shared/contract';
import { desktopBridge } from '../api/electron-transport';

/** Decodes a GeneratedFile's base64 into bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function generatedFileUrl(file: GeneratedFile): string {
  return URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mimeType }));
}

/**
 * Prints a PDF: in Electron through the shell's print dialog; in the browser by loading a Blob
 * URL into a hidden iframe and calling its print() (no pop-up, no network).
 */
export async function printGeneratedFile(file: GeneratedFile): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) return bridge.native.printPdf(file.base64, file.fileName);
  const url = generatedFileUrl(file);
  // print() needs the frame focused; give the focus back afterwards, or the page's keyboard
  // shortcuts (Alt+N after "Stampa etichetta") would go to the hidden PDF frame.
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0';
  frame.src = url;
  await new Promise<void>((resolve) => {
    frame.onload = () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
      } finally {
        restoreFocus(previous, frame);
        resolve();
      }
    };
    document.body.appendChild(frame);
  });
  // Keep the frame long enough for the print dialog to read it, then free the memory.
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, 60_000);
}

/**
 * Gives the focus back to the control that asked for printing, once it is usable again (callers
 * disable it while they wait); unless the clerk has moved on meanwhile.
 */
function restoreFocus(el: HTMLElement | null, frame: HTMLIFrameElement, tries = 40): void {
  if (document.activeElement !== frame) return;
  if (el?.isConnected && el.matches(':disabled') && tries > 0) {
    setTimeout(() => restoreFocus(el, frame, tries - 1), 25);
    return;
  }
  if (el?.isConnected) el.focus();
  if (document.activeElement === frame) frame.blur();
}

/** Saves a generated file: native save dialog in Electron, a download in the browser. */
export async function saveGeneratedFile(file: GeneratedFile): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) {
    await bridge.native.saveFile(file.base64, file.fileName);
    return;
  }
  const url = generatedFileUrl(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
