import { defineDomain } from './procedure';

/** Procedures of the 'devices' domain (issue 3); filled in by its owner. */
export const devicesContract = defineDomain('devices', {});
