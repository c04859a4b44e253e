import { z } from 'zod';
import { defineDomain, procedure } from './procedure';
import { sha256Hex, type GeneratedFile } from './common';

export const documentOpenInput = z.object({ sha256: sha256Hex }).strict();

export const documentsContract = defineDomain('documents', {
  /**
   * A registered document by its impronta, from this desk's store or downloaded on demand from
   * the register server (kept within the device's budget). Only for users who may see an entry
   * that references it.
   */
  'documents.open': procedure<typeof documentOpenInput, GeneratedFile>(documentOpenInput),
});
