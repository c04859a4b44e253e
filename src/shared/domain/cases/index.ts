/** Pure rules for cases (pratiche), issue 4: types and terms, holidays, states, patronage, hearings, indicators. */
export * from './case-types';
export * from './holidays';
export * from './deadlines';
export * from './states';
export * from './patronage';
export * from './hearings';
export * from './indicators';
