export * from './types';
export * from './incidents';
export * from './holds';
export * from './custody';
export * from './deadlines';
export * from './meetings';
export * from './acknowledgement';
export * from './reminders';
