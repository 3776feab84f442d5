// One implementation of the device-made id for every form: components/form/new-id.ts.
export { newId } from '@/components/form/new-id';
