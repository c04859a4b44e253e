import { defineDomain } from './procedure';

/** Procedures of the 'emergency' domain (issue 3); filled in by its owner. */
export const emergencyContract = defineDomain('emergency', {});
