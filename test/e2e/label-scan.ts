import { decodeCode128Row } from '../helpers/code128-decode';
import { pixelRow, renderPdfToGray } from '../helpers/pdf';

/** Renders page 1 at `dpi` and scans every row like a hand scanner; returns the distinct decodings. */
export async function scanBarcodes(pdf: Uint8Array, dpi = 300): Promise<{ texts: Set<string>; rows: number }> {
  const image = await renderPdfToGray(pdf, dpi);
  const texts = new Set<string>();
  let rows = 0;
  for (let y = 0; y < image.height; y++) {
    try {
      texts.add(decodeCode128Row(pixelRow(image, y)).text);
      rows++;
    } catch {
      // rows through text or white space are not barcodes
    }
  }
  return { texts, rows };
}
