/**
 * Ids of the rows a mutation creates besides the one the desk names (an override of one
 * occurrence, the new series of "questo e i successivi"): derived from the mutation's id, so the
 * desk's optimistic rows and the server's are the same rows (src/shared/domain/ids.ts).
 */
export { derivedId } from '../ids';
